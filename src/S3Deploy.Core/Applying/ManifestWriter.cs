using Amazon.S3;
using Amazon.S3.Model;
using S3Deploy.Core.Diagnostics;
using S3Deploy.Core.Planning;
using S3Deploy.Core.Remote;

namespace S3Deploy.Core.Applying;

/// <summary>Writes the deploy manifest: after a deploy, or, after a failure, whatever did land (best effort, with a fresh timeout).</summary>
internal sealed class ManifestWriter(IAmazonS3 s3, S3Target target, IDeployObserver observer)
{
    private static readonly string ToolName = $"s3deploy {typeof(ManifestWriter).Assembly.GetName().Version?.ToString(3)}";

    public async Task TryWriteAsync(DeployPlan plan, ApplyOutcome outcome)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            await WriteAsync(ManifestBuilder.Build(plan, outcome.Written, outcome.Deleted), timeout.Token);
        }
        catch (Exception e) when (e is DeployException or OperationCanceledException or AmazonS3Exception)
        {
            observer.Warning(Diagnostic.Warning(DiagnosticCode.ManifestNotSaved, $"Could not save the deploy manifest after the failure; the next deploy will check headers with HEAD requests instead."));
        }
    }

    public async Task WriteAsync(DeployManifest manifest, CancellationToken ct)
    {
        var json = manifest.ToJson(ToolName, DateTimeOffset.UtcNow);
        var request = new PutObjectRequest
        {
            BucketName = target.Bucket,
            Key = target.KeyFor(DeployManifest.RelativeKey),
            InputStream = new MemoryStream(json),
            MD5Digest = Convert.ToBase64String(System.Security.Cryptography.MD5.HashData(json)),
            ContentType = "application/json",
            UseChunkEncoding = false,
        };
        request.Headers.CacheControl = "no-store";
        await S3Errors.Call(() => s3.PutObjectAsync(request, ct), target.Bucket, "s3:PutObject", "write the deploy manifest");
    }
}
