using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using S3Deploy.Core.Diagnostics;
using S3Deploy.Core.Remote;

namespace S3Deploy.Core.Applying;

/// <summary>Aborts an unfinished multipart upload (or copy), whose parts are billed until it is aborted.</summary>
internal static class UploadAbort
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <summary>With a fresh short timeout, as the deploy's own token is often the reason to abort (Ctrl+C, SIGTERM).</summary>
    public static async Task TryAsync(IAmazonS3 s3, S3Target target, string key, string uploadId, IDeployObserver observer)
    {
        try
        {
            using var timeout = new CancellationTokenSource(Timeout);
            await s3.AbortMultipartUploadAsync(new AbortMultipartUploadRequest { BucketName = target.Bucket, Key = key, UploadId = uploadId }, timeout.Token);
        }
        catch (AmazonS3Exception e) when (e.ErrorCode == "NoSuchUpload")
        {
            // Already gone: aborted or completed by an earlier attempt.
        }
        catch (Exception e) when (e is AmazonServiceException or AmazonClientException or OperationCanceledException or HttpRequestException or IOException)
        {
            var reason = e is OperationCanceledException ? $"no answer within {Timeout.TotalSeconds:F0} s" : e is AmazonServiceException s ? s.ErrorCode ?? e.Message : e.Message;
            observer.Warning(Diagnostic.Warning(DiagnosticCode.UploadNotAborted, $"Could not abort the unfinished multipart upload of '{key}' ({reason}); its parts are billed until it is aborted. "
                + $"A lifecycle rule with AbortIncompleteMultipartUpload removes it, or run: aws s3api abort-multipart-upload --bucket {target.Bucket} --key {key} --upload-id {uploadId}"));
        }
    }
}
