using System.Runtime.ExceptionServices;
using System.Security.Cryptography;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using S3Deploy.Core.Planning;
using S3Deploy.Core.Remote;

namespace S3Deploy.Core.Applying;

/// <summary>
/// Sends the parts of one multipart upload, several at once. One reader takes each part from disk once, in order, with a
/// positional read into a pooled buffer, and hashes it into the whole file's MD5 on the way (MD5 only runs in order); each
/// part's own Content-MD5 and its request then run on their own, so parts finish in any order. The first failure cancels
/// the parts still running; the caller aborts the upload.
/// </summary>
internal sealed class PartSender(IAmazonS3 s3, S3Target target, PartSlots slots, bool plainBodies, bool unsignedPayload)
{
    public async Task<List<PartETag>> SendAsync(DesiredObject d, string uploadId, UploadBody body, long partSize, EventHandler<StreamTransferProgressArgs> sent, CancellationToken ct)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        using var own = new SemaphoreSlim(slots.PerFile);
        using var whole = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        var sending = new List<Task<PartETag>>();
        try
        {
            using (var file = File.OpenHandle(body.Path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.SequentialScan))
            {
                for (long offset = 0, number = 1; offset < body.Size; offset += partSize, number++)
                {
                    var part = new Part((int)number, offset, (int)Math.Min(partSize, body.Size - offset));
                    var buffer = await TakeAsync(own, part.Length, stop.Token);
                    try
                    {
                        await ReadAsync(file, buffer, part, d, stop.Token);
                        whole.AppendData(buffer, 0, part.Length);
                    }
                    catch
                    {
                        Give(own, buffer);
                        throw;
                    }

                    var request = Request(d, uploadId, part, buffer, sent);
                    sending.Add(Task.Run(() => SendPartAsync(request, d.RelativeKey, buffer, part.Length, own, stop), CancellationToken.None));
                }
            }

            // Every byte sent was hashed in order: a file rewritten since the scan never completes as the scanned content.
            if (Convert.ToHexStringLower(whole.GetHashAndReset()) != body.Md5Hex)
            {
                throw UploadBody.Changed(d.File);
            }

            return [.. await Task.WhenAll(sending)];
        }
        catch (Exception e)
        {
            await stop.CancelAsync();
            await ((Task)Task.WhenAll(sending)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            // The reader (or a part) stopped because another part failed: that failure is the one to report.
            var cause = sending.Select(t => t.Exception?.InnerException).FirstOrDefault(x => x is not null and not OperationCanceledException);
            if (e is OperationCanceledException && cause is not null && !ct.IsCancellationRequested)
            {
                ExceptionDispatchInfo.Throw(cause);
            }

            throw;
        }
    }

    private async Task<byte[]> TakeAsync(SemaphoreSlim own, int length, CancellationToken ct)
    {
        await own.WaitAsync(ct);
        try
        {
            await slots.WaitAsync(ct);
        }
        catch
        {
            own.Release();
            throw;
        }

        return slots.Buffers.Rent(length);
    }

    private void Give(SemaphoreSlim own, byte[] buffer)
    {
        slots.Buffers.Return(buffer);
        slots.Release();
        own.Release();
    }

    private static async Task ReadAsync(Microsoft.Win32.SafeHandles.SafeFileHandle file, byte[] buffer, Part part, DesiredObject d, CancellationToken ct)
    {
        for (var done = 0; done < part.Length;)
        {
            var read = await RandomAccess.ReadAsync(file, buffer.AsMemory(done, part.Length - done), part.Offset + done, ct);
            if (read == 0)
            {
                throw UploadBody.Changed(d.File);
            }

            done += read;
        }
    }

    private UploadPartRequest Request(DesiredObject d, string uploadId, Part part, byte[] buffer, EventHandler<StreamTransferProgressArgs> sent)
    {
        var request = new UploadPartRequest
        {
            BucketName = target.Bucket,
            Key = target.KeyFor(d.RelativeKey),
            UploadId = uploadId,
            PartNumber = part.Number,
            InputStream = new MemoryStream(buffer, 0, part.Length, writable: false),
            UseChunkEncoding = !plainBodies,
            DisablePayloadSigning = unsignedPayload ? true : null,
        };
        request.StreamTransferProgress += sent;
        return request;
    }

    private async Task<PartETag> SendPartAsync(UploadPartRequest request, string relativeKey, byte[] buffer, int length, SemaphoreSlim own, CancellationTokenSource stop)
    {
        try
        {
            request.MD5Digest = Convert.ToBase64String(MD5.HashData(buffer.AsSpan(0, length)));
            var response = await S3Errors.Call(() => s3.UploadPartAsync(request, stop.Token), target.Bucket, "s3:PutObject", $"write '{relativeKey}'");
            return new PartETag(request.PartNumber ?? 0, response.ETag);
        }
        catch
        {
            // The first part to fail stops the rest: the upload is aborted anyway, and their bytes would be billed until then.
            await stop.CancelAsync();
            throw;
        }
        finally
        {
            Give(own, buffer);
        }
    }

    private readonly record struct Part(int Number, long Offset, int Length);
}
