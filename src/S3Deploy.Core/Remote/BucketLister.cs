using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using Amazon.S3;
using Amazon.S3.Model;
using S3Deploy.Core.Diagnostics;

namespace S3Deploy.Core.Remote;

/// <summary>
/// Lists the objects under the target prefix, one page after another or, given several key ranges, the ranges side by
/// side. A range listing relies on the server honouring StartAfter and listing in S3's order; a server seen doing
/// otherwise (a key at or before the one before it) gets the plain sequential listing instead, which relies on neither.
/// </summary>
internal sealed class BucketLister(IAmazonS3 s3, S3Target target, IReadOnlyList<KeyRange> ranges)
{
    /// <summary>Whether the last listing came from the ranges side by side rather than one page after another.</summary>
    public bool ListedInRanges { get; private set; }

    /// <summary>The source folder's keys: a listed object under one of them holds the folder's string.</summary>
    public KeyPool Keys { get; init; } = KeyPool.Empty;

    public async Task<Dictionary<string, RemoteObject>> ListAsync(CancellationToken ct)
    {
        if (ranges.Count > 1 && await ListRangesAsync(ct) is { } objects)
        {
            ListedInRanges = true;
            return objects;
        }

        var all = new Dictionary<string, RemoteObject>(StringComparer.Ordinal);
        await ListRangeAsync(KeyRange.All, all, inOrder: false, ct);
        return all;
    }

    /// <summary>The union of the ranges, or null when a range showed that the server does not list in order.</summary>
    private async Task<Dictionary<string, RemoteObject>?> ListRangesAsync(CancellationToken ct)
    {
        using var siblings = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var firstFailure = new StrongBox<ExceptionDispatchInfo?>();
        var parts = ranges.Select(_ => new Dictionary<string, RemoteObject>(StringComparer.Ordinal)).ToList();
        var tasks = ranges.Select((range, i) => ListOrStopAllAsync(range, parts[i], siblings, firstFailure)).ToList();
        try
        {
            await Task.WhenAll(tasks);
        }
        catch (Exception) when (!ct.IsCancellationRequested)
        {
            // The first range to fail stopped the others: its error is the one to report, not what stopping them caused.
            firstFailure.Value?.Throw();
            return null;
        }

        if (tasks.Any(t => !t.Result))
        {
            return null;
        }

        var objects = new Dictionary<string, RemoteObject>(parts.Sum(p => p.Count), StringComparer.Ordinal);
        foreach (var (key, o) in parts.SelectMany(p => p))
        {
            objects[key] = o;
        }

        return objects;
    }

    private async Task<bool> ListOrStopAllAsync(KeyRange range, Dictionary<string, RemoteObject> into, CancellationTokenSource siblings, StrongBox<ExceptionDispatchInfo?> firstFailure)
    {
        try
        {
            if (await ListRangeAsync(range, into, inOrder: true, siblings.Token))
            {
                return true;
            }
        }
        catch (Exception e) when (!siblings.IsCancellationRequested)
        {
            Interlocked.CompareExchange(ref firstFailure.Value, ExceptionDispatchInfo.Capture(e), null);
        }

        await siblings.CancelAsync();
        firstFailure.Value?.Throw();
        return false;
    }

    /// <summary>Lists one range into <paramref name="into"/>; false if, checking order, a key came out of order.</summary>
    private async Task<bool> ListRangeAsync(KeyRange range, Dictionary<string, RemoteObject> into, bool inOrder, CancellationToken ct)
    {
        var request = new ListObjectsV2Request { BucketName = target.Bucket, Prefix = target.KeyPrefix, StartAfter = range.After };
        var tokens = new HashSet<string>(StringComparer.Ordinal);
        var last = range.After;
        do
        {
            var page = await S3Errors.Call(() => s3.ListObjectsV2Async(request, ct), target.Bucket, "s3:ListBucket", "list the objects");
            if (page.Name is null)
            {
                // Every ListBucketResult names its bucket; a 200 without one came from some other web server.
                throw S3Errors.NotS3("list the objects", "no ListBucketResult in the answer");
            }

            var objects = page.S3Objects ?? [];
            for (var i = 0; i < objects.Count; i++)
            {
                var o = objects[i];
                if (inOrder)
                {
                    if (last is not null && Utf8Order.Instance.Compare(o.Key, last) <= 0)
                    {
                        return false;
                    }

                    if (range.IsPast(o.Key))
                    {
                        return RestInOrder(objects, i);
                    }

                    last = o.Key;
                }

                // The prefix ends with '/', so 'site' never lists 'site2/…'; the check guards servers that ignore it.
                if (o.Key.StartsWith(target.KeyPrefix, StringComparison.Ordinal))
                {
                    var key = Keys.Relative(o.Key, target.KeyPrefix.Length);
                    into[key] = new RemoteObject(key, o.Size ?? 0, ETags.Normalize(o.ETag), S3Times.From(o.LastModified));
                }
            }

            request.ContinuationToken = NextToken(page, tokens);
        }
        while (request.ContinuationToken is not null);

        return true;
    }

    /// <summary>
    /// The rest of the page belongs to the next range, but still shows whether the server lists in S3's order: one that
    /// lists 'a/b/…' before 'a/b.js' (s3rver, which walks folders) would hide 'a/b.js' from both ranges, as StartAfter
    /// then skips it. A disorder that only the next page would show is not caught here.
    /// </summary>
    private static bool RestInOrder(List<S3Object> objects, int from)
    {
        for (var i = from + 1; i < objects.Count; i++)
        {
            if (Utf8Order.Instance.Compare(objects[i].Key, objects[i - 1].Key) <= 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The token of the next page, or null after the last. A server that hands out a token it gave before would be listed
    /// forever, and one that says "truncated" without a token would hide the rest of the bucket (and its stale objects):
    /// both stop the deploy before anything changes.
    /// </summary>
    private string? NextToken(ListObjectsV2Response page, HashSet<string> seen)
    {
        if (page.IsTruncated != true)
        {
            return null;
        }

        var token = page.NextContinuationToken;
        if (string.IsNullOrEmpty(token))
        {
            throw new DeployException(DiagnosticCode.ListingWithoutToken, FailureKind.Service, $"The listing of s3://{target.Bucket}/{target.KeyPrefix} says there are more objects (IsTruncated) but gives no continuation token, so the rest of the bucket cannot be read. Nothing was changed. Check --endpoint-url: this S3-compatible service does not list as S3 does.");
        }

        if (!seen.Add(token))
        {
            throw new DeployException(DiagnosticCode.ListingLoops, FailureKind.Service, $"The listing of s3://{target.Bucket}/{target.KeyPrefix} returned a continuation token it had already returned ({seen.Count} pages in), so it would never end. Nothing was changed. Check --endpoint-url: this S3-compatible service does not list as S3 does.");
        }

        return token;
    }
}
