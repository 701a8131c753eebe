using System.Net;
using System.Text.Json;
using Amazon.S3;
using Amazon.S3.Model;
using S3Deploy.Core.Diagnostics;
using S3Deploy.Core.Planning;
using S3Deploy.Core.Remote;

namespace S3Deploy.Core.Releases;

/// <summary>
/// One deploy or rollback per prefix at a time, so two cannot fork the history or leave a mix. The lock object is created
/// with If-None-Match: * (S3's conditional write: exactly one writer wins); a server that ignores the condition still gets
/// the read-first check. The lease expires, so a killed deploy does not lock the prefix for ever.
/// </summary>
internal sealed class PrefixLock(IAmazonS3 s3, S3Target target) : IAsyncDisposable
{
    public static readonly TimeSpan Lease = TimeSpan.FromHours(1);

    public static async Task<PrefixLock> AcquireAsync(IAmazonS3 s3, S3Target target, string operation, bool breakLock, DateTimeOffset now, CancellationToken ct)
    {
        var key = target.KeyFor(HistoryKeys.Lock);
        var conditional = true;
        if (!breakLock && await ReadAsync(s3, target, ct) is { } held)
        {
            if (held.Expires > now)
            {
                throw Locked(target, held);
            }

            conditional = false; // an expired lease is taken over
        }

        var body = new DeployLock(Holder(), operation, now, now + Lease);
        var json = JsonSerializer.SerializeToUtf8Bytes(body, ReleaseJson.Default.DeployLock);
        var request = new PutObjectRequest { BucketName = target.Bucket, Key = key, InputStream = new MemoryStream(json), ContentType = "application/json", UseChunkEncoding = false, MD5Digest = Convert.ToBase64String(System.Security.Cryptography.MD5.HashData(json)) };
        if (conditional && !breakLock)
        {
            request.IfNoneMatch = "*";
        }

        try
        {
            await S3Errors.Call(() => s3.PutObjectAsync(request, ct), target.Bucket, "s3:PutObject", "take the deploy lock");
        }
        catch (DeployException e) when (e.InnerException is AmazonS3Exception { StatusCode: HttpStatusCode.PreconditionFailed or HttpStatusCode.Conflict })
        {
            throw Locked(target, await ReadAsync(s3, target, ct) ?? body with { Holder = "another deploy" });
        }

        return new PrefixLock(s3, target);
    }

    public async ValueTask DisposeAsync()
    {
        // Released even after a cancellation, with a fresh timeout; a lock left behind expires with its lease.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        try
        {
            await s3.DeleteObjectAsync(new DeleteObjectRequest { BucketName = target.Bucket, Key = target.KeyFor(HistoryKeys.Lock) }, timeout.Token);
        }
        catch (Exception e) when (e is Amazon.Runtime.AmazonServiceException or OperationCanceledException or HttpRequestException or IOException)
        {
        }
    }

    private static async Task<DeployLock?> ReadAsync(IAmazonS3 s3, S3Target target, CancellationToken ct)
    {
        try
        {
            var request = new GetObjectRequest { BucketName = target.Bucket, Key = target.KeyFor(HistoryKeys.Lock) };
            using var response = await S3Errors.Call(() => s3.GetObjectAsync(request, ct), target.Bucket, "s3:GetObject", "read the deploy lock");
            await using var body = new BoundedStream(response.ResponseStream, 64 * 1024);
            return await JsonSerializer.DeserializeAsync(body, ReleaseJson.Default.DeployLock, ct);
        }
        catch (DeployException e) when (e.InnerException is AmazonS3Exception { StatusCode: HttpStatusCode.NotFound, ErrorCode: not "NoSuchBucket" })
        {
            return null;
        }
        catch (Exception e) when (e is JsonException or BodyTooLargeException)
        {
            // Not a lock this version wrote: treat it as held for a lease from now, so --break-lock is the way past it.
            return new DeployLock("unknown (unreadable lock object)", "deploy", DateTimeOffset.UtcNow, DateTimeOffset.MaxValue);
        }
    }

    private static string Holder() =>
        Environment.GetEnvironmentVariable("GITHUB_RUN_ID") is { Length: > 0 } run ? $"GitHub run {run} ({Environment.MachineName})"
        : Environment.GetEnvironmentVariable("BUILD_BUILDID") is { Length: > 0 } build ? $"Azure build {build} ({Environment.MachineName})"
        : $"{Environment.UserName}@{Environment.MachineName} (pid {Environment.ProcessId})";

    private static DeployException Locked(S3Target target, DeployLock held) =>
        DeployException.Refused(DiagnosticCode.PrefixLocked, $"{target} is locked by {held.Holder}, whose {held.Operation} started {held.Started.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC; nothing was changed. Run again when it has finished; if it was killed, pass --break-lock (the lock also expires {held.Expires.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC).");
}
