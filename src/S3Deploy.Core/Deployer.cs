using System.Diagnostics;
using Amazon.S3;
using Amazon.S3.Model;
using S3Deploy.Core.Applying;
using S3Deploy.Core.Diagnostics;
using S3Deploy.Core.Headers;
using S3Deploy.Core.Planning;
using S3Deploy.Core.Remote;
using S3Deploy.Core.Scanning;
using S3Deploy.Core.Text;
using S3Deploy.Core.Website;

namespace S3Deploy.Core;

/// <summary>
/// The whole deploy, top to bottom: scan the folder, read the bucket, plan, refuse if unsafe, upload assets then pages,
/// set up hosting, invalidate caches (and wait), delete what is stale, write the manifest.
/// </summary>
public sealed class Deployer(IDeployObserver? observer = null, Func<ConnectionOptions, IAmazonS3>? clients = null, HttpClient? http = null)
{
    private readonly IDeployObserver observer = observer ?? NullObserver.Instance;

    public static string ToolName { get; } = $"s3deploy {typeof(Deployer).Assembly.GetName().Version?.ToString(3)}";

    public async Task<DeployResult> DeployAsync(DeployOptions options, CancellationToken ct = default)
    {
        options.Validate();
        var clock = Stopwatch.StartNew();
        var now = DateTimeOffset.UtcNow;
        var excludes = ExcludeFilter.Parse(options.Excludes);
        var policy = new HeaderPolicy(options.Headers, MimeTypes.Default);
        var source = new SiteScanner(excludes, options.FollowSymlinks, DeployManifest.Folder).List(options.Source);
        SafetyGuards.CheckSource([.. source.Files.Select(f => f.Key)], options);

        using var s3 = (clients ?? S3ClientFactory.Create)(options.Connection);
        var reader = new BucketReader(s3, options.Target);
        var (scan, state) = await ScanWhileListingAsync(reader, source, ct);
        var warnings = new WarningList(observer, [.. scan.Warnings, .. state.Warnings]);
        observer.Info($"Scanned {Plural.Of(scan.Files.Count, "file")} ({Bytes.Format(scan.Files.Sum(f => f.Size))}) in {options.Source}");
        observer.Info($"Found {Plural.Of(state.Objects.Count, "object")} under {options.Target}{(state.ManifestFound ? "" : " (no deploy manifest yet)")}");

        var desired = DesiredSite.Build(scan.Files, policy, options.Precompressed, options.Redirects);
        var probed = await reader.ProbeHeadersAsync(Planner.KeysToProbe(desired, state), options.Concurrency, ct);
        var plan = Planner.Plan(desired, state, probed, options.Delete, key => !excludes.IsExcluded(key), options.KeepStale, now);
        SafetyGuards.CheckDeletes(plan, options);
        observer.Planned(plan);

        var result = DeployResult.FromPlan(plan, options.DryRun, TimeSpan.Zero, warnings.Items);
        result = options.DryRun ? await PreviewAsync(s3, plan, options, result, ct) : await ApplyAsync(s3, plan, options, result, warnings, ct);
        return result with { Duration = clock.Elapsed, Warnings = warnings.Items };
    }

    /// <summary>Lists the bucket while the folder is hashed; a file that cannot be read cancels the listing and wins.</summary>
    private static async Task<(ScanResult Scan, BucketState State)> ScanWhileListingAsync(BucketReader reader, SourceListing source, CancellationToken ct)
    {
        using var listing = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var reading = reader.ReadAsync(listing.Token);
        ScanResult scan;
        try
        {
            scan = await SiteScanner.HashAsync(source, ct);
        }
        catch
        {
            await listing.CancelAsync();
            await reading.ContinueWith(t => t.Exception, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            throw;
        }

        return (scan, await reading);
    }

    private async Task<DeployResult> PreviewAsync(IAmazonS3 s3, DeployPlan plan, DeployOptions options, DeployResult result, CancellationToken ct)
    {
        var (url, changes) = await SiteHosting.ApplyAsync(s3, options, ct);
        changes.ToList().ForEach(c => observer.Info("Would: " + c));
        var invalidations = await CreateInvalidator(options).PreviewAsync(plan, ct);
        return result with { WebsiteUrl = url, Invalidations = invalidations };
    }

    private async Task<DeployResult> ApplyAsync(IAmazonS3 s3, DeployPlan plan, DeployOptions options, DeployResult result, WarningList warnings, CancellationToken ct)
    {
        var plainBodies = S3ClientFactory.UsesCustomEndpoint(options.Connection);
        var writer = new ObjectWriter(s3, options.Target, plainBodies, options.MultipartThreshold, options.PartSize, observer);
        var executor = new PlanExecutor(s3, options.Target, writer, options.Concurrency, observer);
        var outcome = new ApplyOutcome();
        try
        {
            await executor.WriteAsync(plan, outcome, ct);
            var (url, changes) = await SiteHosting.ApplyAsync(s3, options, ct);
            changes.ToList().ForEach(observer.Info);
            var (invalidations, cachesReleased) = await CreateInvalidator(options).RunAsync(plan, outcome, warnings, ct);
            result = result with { WebsiteUrl = url, Invalidations = invalidations };
            if (cachesReleased)
            {
                await executor.DeleteAsync(plan, outcome, ct);
            }
            else if (plan.Count(ActionKind.Delete) is > 0 and var held)
            {
                warnings.Add(Diagnostic.Warning(DiagnosticCode.StaleHeld, $"Kept {Plural.Of(held, "stale object")} because the CloudFront invalidation has not completed; the next deploy deletes them."));
                result = result with { Actions = [.. plan.Actions.Where(a => a.Kind != ActionKind.Delete)], Deleted = 0, KeptStale = result.KeptStale + held };
            }
        }
        catch (Exception e) when (!outcome.Completed.IsEmpty || ct.IsCancellationRequested)
        {
            // Record what did land, so the rerun trusts it without a HEAD each; the original failure (or the cancellation) still surfaces.
            if (!outcome.Completed.IsEmpty)
            {
                await TryWriteManifestAsync(s3, plan, outcome, options.Target);
            }

            if (ct.IsCancellationRequested)
            {
                throw Cancelled(plan, outcome, e);
            }

            throw;
        }

        var manifest = ManifestBuilder.Build(plan, outcome.Written, outcome.Deleted);
        if (!plan.Before.ManifestFound || !manifest.SameAs(plan.Before.Manifest))
        {
            try
            {
                await WriteManifestAsync(s3, manifest, options.Target, ct);
            }
            catch (OperationCanceledException e) when (ct.IsCancellationRequested)
            {
                // Everything else is done (deletes included): finish the record with a fresh timeout, and say what happened.
                await TryWriteManifestAsync(s3, plan, outcome, options.Target);
                throw Cancelled(plan, outcome, e);
            }
        }

        return result;
    }

    /// <summary>Whatever the cancellation interrupted (a request, a part, a wait), the report is the same: what landed, what was deleted.</summary>
    private static DeployException Cancelled(DeployPlan plan, ApplyOutcome outcome, Exception interrupted)
    {
        var written = outcome.Completed.Count(a => a.Kind != ActionKind.Delete);
        var landed = written == 0 ? "nothing was written" : $"{written} of {plan.Actions.Count(a => a.Kind != ActionKind.Delete)} files were written";
        var deleted = outcome.Deleted.Count == 0 ? "nothing was deleted" : $"{outcome.Deleted.Count} of {plan.Count(ActionKind.Delete)} stale objects were deleted";
        return new DeployException(DiagnosticCode.Cancelled, FailureKind.Cancelled, $"Cancelled: {landed}, {deleted}. Run the same command again to finish the deploy.", interrupted);
    }

    private InvalidationStep CreateInvalidator(DeployOptions options) => new(options, observer, http);

    private async Task TryWriteManifestAsync(IAmazonS3 s3, DeployPlan plan, ApplyOutcome outcome, S3Target target)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            await WriteManifestAsync(s3, ManifestBuilder.Build(plan, outcome.Written, outcome.Deleted), target, timeout.Token);
        }
        catch (Exception e) when (e is DeployException or OperationCanceledException or AmazonS3Exception)
        {
            observer.Warning(Diagnostic.Warning(DiagnosticCode.ManifestNotSaved, $"Could not save the deploy manifest after the failure; the next deploy will check headers with HEAD requests instead."));
        }
    }

    private static async Task WriteManifestAsync(IAmazonS3 s3, DeployManifest manifest, S3Target target, CancellationToken ct)
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
