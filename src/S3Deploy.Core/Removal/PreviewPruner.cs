using S3Deploy.Core.Diagnostics;
using S3Deploy.Core.Remote;
using S3Deploy.Core.Text;

namespace S3Deploy.Core.Removal;

/// <summary>
/// Removes the previews nobody has deployed for a while: a preview's age is that of its newest object (its manifest is
/// rewritten by every deploy of it), so a preview redeployed yesterday stays however old its assets are.
/// </summary>
internal sealed class PreviewPruner(PrefixRemover remover, Action<string> info, TimeProvider time)
{
    /// <param name="previews">The previews prefix under the site's target, e.g. s3://bucket/www/_previews.</param>
    public async Task<IReadOnlyList<RemoveResult>> PruneAsync(S3Target previews, TimeSpan olderThan, int maxDeletes, bool dryRun, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var objects = await remover.ListAsync(previews, ct);
        var old = Stale(objects, now, olderThan);
        var total = old.Sum(p => p.Objects.Count);
        info($"Found {Plural.Of(old.Count, "preview")} under {previews} not deployed for {Durations.Format(olderThan)} ({Plural.Of(total, "object")})");
        if (total > maxDeletes)
        {
            throw DeployException.Refused(
                DiagnosticCode.TooManyDeletes,
                $"Pruning would delete {Plural.Of(total, "object")} in {Plural.Of(old.Count, "preview")}, more than --max-deletes {maxDeletes}. Nothing was changed. If that is right, pass --max-deletes {total}.");
        }

        var results = new List<RemoveResult>();
        foreach (var (name, previewObjects, newest) in old)
        {
            var target = previews with { Prefix = previews.Prefix + "/" + name };
            info($"{(dryRun ? "Would remove" : "Removing")} preview '{name}' (last deployed {newest:yyyy-MM-dd HH:mm} UTC, {Plural.Of(previewObjects.Count, "object")})");
            if (!dryRun)
            {
                await remover.DeleteLockedAsync(target, previewObjects.Select(o => target.RelativeKey(previews.KeyFor(o.RelativeKey))), ct);
            }

            results.Add(new RemoveResult(target.ToString(), previewObjects.Count, previewObjects.Sum(o => o.Size), dryRun ? 0 : previewObjects.Count, dryRun));
        }

        return results;
    }

    /// <summary>The previews (first key segment) whose newest object is older than <paramref name="olderThan"/>; an object without a time keeps its preview.</summary>
    public static IReadOnlyList<(string Name, List<RemoteObject> Objects, DateTimeOffset Newest)> Stale(IEnumerable<RemoteObject> objects, DateTimeOffset now, TimeSpan olderThan) =>
        objects
            .Where(o => o.RelativeKey.Contains('/', StringComparison.Ordinal))
            .GroupBy(o => o.RelativeKey[..o.RelativeKey.IndexOf('/', StringComparison.Ordinal)], StringComparer.Ordinal)
            .Select(g => (Name: g.Key, Objects: g.ToList(), Newest: g.Any(o => o.LastModified is null) ? now : g.Max(o => o.LastModified!.Value)))
            .Where(p => now - p.Newest > olderThan)
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ToList();
}
