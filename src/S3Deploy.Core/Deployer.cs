using System.Diagnostics;
using Amazon.S3;
using S3Deploy.Core.Applying;
using S3Deploy.Core.CloudFront;
using S3Deploy.Core.Headers;
using S3Deploy.Core.Planning;
using S3Deploy.Core.Remote;
using S3Deploy.Core.Scanning;
using S3Deploy.Core.Text;
using S3Deploy.Core.Website;

namespace S3Deploy.Core;

/// <summary>
/// The whole deploy, top to bottom: scan the folder while listing the bucket; plan every change (objects, website, access,
/// invalidations) from what was read, before anything changes; refuse if unsafe; stop there on a dry run; else apply the plan
/// (assets, pages, hosting, invalidate and wait, delete what is stale, manifest) and report the plan with what landed.
/// </summary>
public sealed class Deployer(IDeployObserver? observer = null, Func<ConnectionOptions, IAmazonS3>? clients = null, HttpClient? http = null)
{
    private readonly IDeployObserver observer = observer ?? NullObserver.Instance;

    public async Task<DeployResult> DeployAsync(DeployOptions options, CancellationToken ct = default)
    {
        options.Validate();
        var clock = Stopwatch.StartNew();
        var now = DateTimeOffset.UtcNow;
        var excludes = ExcludeFilter.Parse(options.Excludes);
        var policy = new HeaderPolicy(options.Headers, MimeTypes.Default);
        var source = new SiteScanner(excludes, options.FollowSymlinks, DeployManifest.Folder).List(options.Source);
        SafetyGuards.CheckSource([.. source.Files.Select(f => f.Key)], options);
        using var substituted = SubstitutedFiles.Write(source, options.Substitute, options.Values, options.EnvironmentVariable);
        source = substituted.Listing;

        using var s3 = (clients ?? S3ClientFactory.Create)(options.Connection);
        await using var held = options.DryRun || !(options.Lock || options.BreakLock) ? null : await Releases.PrefixLock.AcquireAsync(s3, options.Target, "deploy", options.BreakLock, now, ct);
        var reader = new BucketReader(s3, options.Target, ListingRanges.Split(source.Files.Select(f => f.Key), options.Target, options.Concurrency))
        {
            Keys = new KeyPool(source.Files.Select(f => f.Key)),
        };
        var cache = options.HashCache ? HashCache.Open(source.RealRoot, options.HashCacheFolder ?? HashCacheFolder.Default(Environment.GetEnvironmentVariable), options.HashCacheSettle) : null;
        var (scan, state) = await ScanWhileListingAsync(reader, source, cache, ct);
        var warnings = new WarningList(observer, [.. held?.Warnings ?? [], .. scan.Warnings, .. state.Warnings]);
        var unread = scan.FromCache > 0 ? $"; {scan.FromCache:N0} unchanged since the last scan, not read (hash cache)" : "";
        observer.Info($"Scanned {Plural.Of(scan.Files.Count, "file")} ({Bytes.Format(scan.Files.Sum(f => f.Size))}) in {options.Source}{unread}");
        if (cache?.Problem is { } problem)
        {
            observer.Info(problem);
        }

        observer.Info($"Found {Plural.Of(state.Objects.Count, "object")} under {options.Target}{(state.ManifestFound ? "" : " (no deploy manifest yet)")}");

        var desired = DesiredSite.Build(scan.Files, policy, options.Precompressed, options.Redirects, options.NegotiateEncodings);
        var probed = await reader.ProbeHeadersAsync(Planner.KeysToProbe(desired, state), options.Concurrency, ct);
        var plan = Planner.Plan(desired, state, probed, options.Delete, key => !excludes.IsExcluded(key) && !PreviewSite.IsShielded(key, options), options.KeepStale, now);
        // A preview never changes the bucket's settings: it is served by the hosting its target set up.
        var hosted = options.Preview is null;
        var (website, access) = await SiteHosting.PlanAsync(s3, options.Target, options.Connection, hosted ? options.Website : null, hosted && options.Public, ct);
        var previewUrl = await PreviewSite.UrlAsync(s3, options, () => CloudFrontClients.For(options.Connection, options.CloudFront, http), ct);
        var invalidations = await InvalidationPlanner.PlanAsync(
            plan.Actions, options.Target, options.CloudFront, options.Website?.Index ?? "index.html", () => CloudFrontClients.For(options.Connection, options.CloudFront, http), warnings.Add, ct);
        var hosting = await HostingPlan.PlanAsync(desired, options, () => CloudFrontClients.For(options.Connection, options.CloudFront, http), ct);
        plan = plan with { Website = website, Access = access, Invalidations = invalidations, Hosting = hosting };
        plan = plan with { History = await HistoryStep.PlanAsync(s3, options, plan, warnings.Add, now, ct) };
        SafetyGuards.CheckDeletes(plan, options);
        observer.Planned(plan);
        if (options.DryRun)
        {
            return DeployResult.Planned(plan, clock.Elapsed, warnings.Items) with { PreviewUrl = previewUrl };
        }

        var landed = await new PlanApplier(s3, options, observer, http).ApplyAsync(plan, warnings, ct);
        return new DeployResult(plan, DryRun: false, clock.Elapsed, warnings.Items)
        {
            Actions = landed.Completed,
            Invalidations = landed.Invalidations,
            HeldDeletes = landed.HeldDeletes,
            PreviewUrl = previewUrl,
        };
    }

    /// <summary>Lists the bucket while the folder is hashed; a file that cannot be read cancels the listing and wins.</summary>
    private static async Task<(ScanResult Scan, BucketState State)> ScanWhileListingAsync(BucketReader reader, SourceListing source, HashCache? cache, CancellationToken ct)
    {
        using var listing = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var reading = reader.ReadAsync(listing.Token);
        ScanResult scan;
        try
        {
            scan = await SiteScanner.HashAsync(source, ct, cache);
        }
        catch
        {
            await listing.CancelAsync();
            await reading.ContinueWith(t => t.Exception, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            throw;
        }

        return (scan, await reading);
    }
}
