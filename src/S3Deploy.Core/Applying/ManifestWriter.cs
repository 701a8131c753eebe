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

    /// <param name="release">The release the run still has to record, when all else landed (see <see cref="DeployManifest.Release"/>).</param>
    public async Task TryWriteAsync(DeployPlan plan, ApplyOutcome outcome, string? release = null)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            await WriteAsync(ManifestBuilder.Build(plan, outcome.Written, outcome.Deleted) with { Release = release }, timeout.Token);
        }
        catch (Exception e) when (e is DeployException or OperationCanceledException or AmazonS3Exception)
        {
            observer.Warning(Diagnostic.Warning(DiagnosticCode.ManifestNotSaved, $"Could not save the deploy manifest after the failure; the next deploy will check headers with HEAD requests instead."));
        }
    }

    public async Task WriteAsync(DeployManifest manifest, CancellationToken ct)
    {
        // Through a temporary file rather than a byte array: the manifest of a large site is tens of MB, and a deploy's
        // memory peaks here, with the plan and the new manifest held.
        await using var json = new FileStream(Path.GetTempFileName(), FileMode.Open, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
        manifest.WriteJson(json, ToolName, DateTimeOffset.UtcNow);
        json.Position = 0;
        var md5 = await System.Security.Cryptography.MD5.HashDataAsync(json, ct);
        json.Position = 0;
        var request = new PutObjectRequest
        {
            BucketName = target.Bucket,
            Key = target.KeyFor(DeployManifest.RelativeKey),
            InputStream = json,
            AutoCloseStream = false,
            MD5Digest = Convert.ToBase64String(md5),
            ContentType = "application/json",
            UseChunkEncoding = false,
        };
        request.Headers.CacheControl = "no-store";
        await S3Errors.Call(() => s3.PutObjectAsync(request, ct), target.Bucket, "s3:PutObject", "write the deploy manifest");
    }
}
