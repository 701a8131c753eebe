using System.Diagnostics;
using Amazon.S3;
using Amazon.S3.Model;
using S3Deploy.Core.Applying;
using S3Deploy.Core.Diagnostics;
using S3Deploy.Core.Headers;
using S3Deploy.Core.Planning;
using S3Deploy.Core.Remote;
using S3Deploy.Core.Scanning;

namespace S3Deploy.Core;

/// <summary>The whole deploy, top to bottom: scan the folder, read the bucket, plan, refuse if unsafe, apply in phases, write the manifest.</summary>
public sealed class Deployer(IDeployObserver? observer = null, Func<ConnectionOptions, IAmazonS3>? clients = null)
{
    private readonly IDeployObserver observer = observer ?? NullObserver.Instance;

    public static string ToolName { get; } = $"s3deploy {typeof(Deployer).Assembly.GetName().Version?.ToString(3)}";

    public async Task<DeployResult> DeployAsync(DeployOptions options, CancellationToken ct = default)
    {
        options.Validate();
        var clock = Stopwatch.StartNew();
        var excludes = ExcludeFilter.Parse(options.Excludes);
        var policy = new HeaderPolicy(options.Headers, MimeTypes.Default);

        var scan = await new SiteScanner(excludes, options.FollowSymlinks, DeployManifest.Folder).ScanAsync(options.Source, ct);
        var warnings = scan.Warnings.ToList();
        warnings.ForEach(observer.Warning);
        SafetyGuards.CheckSource(scan, options);
        observer.Info($"Scanned {scan.Files.Count} files ({Bytes.Format(scan.Files.Sum(f => f.Size))}) in {options.Source}");

        using var s3 = (clients ?? S3ClientFactory.Create)(options.Connection);
        var reader = new BucketReader(s3, options.Target);
        var state = await reader.ReadAsync(ct);
        observer.Info($"Found {state.Objects.Count} objects under {options.Target}{(state.ManifestFound ? "" : " (no deploy manifest yet)")}");

        var desired = DesiredSite.Build(scan.Files, policy, options.Precompressed, options.Redirects);
        var probed = await reader.ProbeHeadersAsync(Planner.KeysToProbe(desired, state), options.Concurrency, ct);
        var plan = Planner.Plan(desired, state, probed, options.Delete, key => !excludes.IsExcluded(key));
        SafetyGuards.CheckDeletes(plan, options);
        observer.Planned(plan);

        if (!options.DryRun && (plan.Actions.Count > 0 || !state.ManifestFound))
        {
            await ApplyAsync(s3, plan, options, ct);
        }

        return DeployResult.FromPlan(plan, options.DryRun, clock.Elapsed, warnings);
    }

    private async Task ApplyAsync(IAmazonS3 s3, DeployPlan plan, DeployOptions options, CancellationToken ct)
    {
        var plainBodies = S3ClientFactory.UsesCustomEndpoint(options.Connection);
        var writer = new ObjectWriter(s3, options.Target, plainBodies, options.MultipartThreshold, options.PartSize);
        var outcome = new ApplyOutcome();
        try
        {
            await new PlanExecutor(s3, options.Target, writer, options.Concurrency, observer).ExecuteAsync(plan, outcome, ct);
        }
        catch (Exception) when (!outcome.Completed.IsEmpty)
        {
            // Record what did land, so the rerun trusts it without a HEAD each; the original failure still surfaces.
            await TryWriteManifestAsync(s3, plan, outcome, options.Target);
            throw;
        }

        await WriteManifestAsync(s3, plan, outcome, options.Target, ct);
    }

    private async Task TryWriteManifestAsync(IAmazonS3 s3, DeployPlan plan, ApplyOutcome outcome, S3Target target)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            await WriteManifestAsync(s3, plan, outcome, target, timeout.Token);
        }
        catch (Exception e) when (e is DeployException or OperationCanceledException or AmazonS3Exception)
        {
            observer.Warning("Could not save the deploy manifest after the failure; the next deploy will check headers with HEAD requests instead.");
        }
    }

    private static async Task WriteManifestAsync(IAmazonS3 s3, DeployPlan plan, ApplyOutcome outcome, S3Target target, CancellationToken ct)
    {
        var manifest = ManifestBuilder.Build(plan, outcome.Written, outcome.Deleted);
        var request = new PutObjectRequest
        {
            BucketName = target.Bucket,
            Key = target.KeyFor(DeployManifest.RelativeKey),
            InputStream = new MemoryStream(manifest.ToJson(ToolName, DateTimeOffset.UtcNow)),
            ContentType = "application/json",
            UseChunkEncoding = false,
        };
        request.Headers.CacheControl = "no-store";
        await S3Errors.Call(() => s3.PutObjectAsync(request, ct), target.Bucket, "s3:PutObject", "write the deploy manifest");
    }
}
