using System.Collections.Concurrent;
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
/// with If-None-Match: * and taken over with If-Match: ETAG (S3's conditional writes: exactly one writer wins); a server
/// that ignores conditions still gets the read-first check. The lease expires, and a holder that is provably gone (see
/// <see cref="StaleLock"/>) is taken over at once, so a killed deploy does not lock the prefix for ever.
/// </summary>
internal sealed class PrefixLock(IAmazonS3 s3, S3Target target, string token, string? etag) : IAsyncDisposable
{
    public static readonly TimeSpan Lease = TimeSpan.FromHours(1);

    /// <summary>Tokens of the locks this process holds now: a lock of this process with another token was left by an earlier run.</summary>
    private static readonly ConcurrentDictionary<string, byte> HeldHere = new(StringComparer.Ordinal);

    /// <summary>A warning when the lock was taken over from a run that is gone or whose lease ran out.</summary>
    public IReadOnlyList<Diagnostic> Warnings { get; private init; } = [];

    public static async Task<PrefixLock> AcquireAsync(IAmazonS3 s3, S3Target target, string operation, bool breakLock, DateTimeOffset now, CancellationToken ct)
    {
        var body = LockHolder.Describe(operation, now, Lease, Environment.GetEnvironmentVariable);
        var json = JsonSerializer.SerializeToUtf8Bytes(body, ReleaseJson.Default.DeployLock);

        // Registered before the write, so a run in this process that reads the lock meanwhile sees it held, not left behind.
        HeldHere[body.Token!] = 0;
        try
        {
            return await WriteAsync(s3, target, breakLock, now, body, json, ct);
        }
        catch
        {
            HeldHere.TryRemove(body.Token!, out _);
            throw;
        }
    }

    private static async Task<PrefixLock> WriteAsync(IAmazonS3 s3, S3Target target, bool breakLock, DateTimeOffset now, DeployLock body, byte[] json, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var held = breakLock ? null : await ReadAsync(s3, target, ct);
            var warnings = held is { } h ? [TakeOver(target, h.Lock, body, now)] : Array.Empty<Diagnostic>();
            var request = new PutObjectRequest { BucketName = target.Bucket, Key = target.KeyFor(HistoryKeys.Lock), InputStream = new MemoryStream(json), ContentType = "application/json", UseChunkEncoding = false, MD5Digest = Convert.ToBase64String(System.Security.Cryptography.MD5.HashData(json)) };
            if (held is { ETag: { } match })
            {
                request.IfMatch = match;
            }
            else if (!breakLock)
            {
                request.IfNoneMatch = "*";
            }

            try
            {
                var put = await S3Errors.Call(() => s3.PutObjectAsync(request, ct), target.Bucket, "s3:PutObject", "take the deploy lock");
                return new PrefixLock(s3, target, body.Token!, put.ETag) { Warnings = warnings };
            }
            catch (DeployException e) when (e.InnerException is AmazonS3Exception { StatusCode: HttpStatusCode.PreconditionFailed or HttpStatusCode.Conflict } or AmazonS3Exception { StatusCode: HttpStatusCode.NotFound, ErrorCode: "NoSuchKey" })
            {
                // Another run took it first, or released the lock we meant to take over: look again (its holder is
                // then refused with S3D070 above), a few times at most.
                if (attempt == 3)
                {
                    throw Locked(target, (await ReadAsync(s3, target, ct))?.Lock ?? body with { Holder = "another deploy" });
                }
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        HeldHere.TryRemove(token, out _);

        // Released even after a cancellation, with a fresh timeout; a lock left behind expires with its lease. If-Match:
        // a lock another run took over (ours had expired) is theirs, and stays.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        try
        {
            await s3.DeleteObjectAsync(new DeleteObjectRequest { BucketName = target.Bucket, Key = target.KeyFor(HistoryKeys.Lock), IfMatch = etag }, timeout.Token);
        }
        catch (Exception e) when (e is Amazon.Runtime.AmazonServiceException or OperationCanceledException or HttpRequestException or IOException)
        {
        }
    }

    /// <summary>The warning for taking <paramref name="held"/> over, or S3D070 if its holder may still run.</summary>
    private static Diagnostic TakeOver(S3Target target, DeployLock held, DeployLock self, DateTimeOffset now) =>
        TryStale(held, self, now) is { } reason
            ? Diagnostic.Warning(DiagnosticCode.LockTakenOver, $"Took over the deploy lock of {target} from {Printable(held.Holder)}, whose {Printable(held.Operation)} started {Utc(held.Started)}: {reason}.")
            : throw Locked(target, held);

    private static string? TryStale(DeployLock held, DeployLock self, DateTimeOffset now) =>
        held.Expires <= now ? $"its lease ran out {Utc(held.Expires)}" : StaleLock.Reason(held, self, LockHolder.StartOf, HeldHere.ContainsKey);

    private static async Task<(DeployLock Lock, string? ETag)?> ReadAsync(IAmazonS3 s3, S3Target target, CancellationToken ct)
    {
        try
        {
            var request = new GetObjectRequest { BucketName = target.Bucket, Key = target.KeyFor(HistoryKeys.Lock) };
            using var response = await S3Errors.Call(() => s3.GetObjectAsync(request, ct), target.Bucket, "s3:GetObject", "read the deploy lock");
            try
            {
                await using var body = new BoundedStream(response.ResponseStream, 64 * 1024);
                var held = await JsonSerializer.DeserializeAsync(body, ReleaseJson.Default.DeployLock, ct);
                return (held is { Holder: not null } ? held : throw new JsonException("not a deploy lock"), response.ETag);
            }
            catch (Exception e) when (e is JsonException or BodyTooLargeException)
            {
                // Not a lock this version wrote: held for a lease from now, so --break-lock is the way past it. Unless
                // the endpoint is no S3 at all (a web server answers every path): the listing then says so, with its code.
                await ProbeAsync(s3, target, ct);
                return (new DeployLock("unknown (unreadable lock object)", "deploy", DateTimeOffset.UtcNow, DateTimeOffset.MaxValue), response.ETag);
            }
        }
        catch (DeployException e) when (e.InnerException is AmazonS3Exception { StatusCode: HttpStatusCode.NotFound, ErrorCode: not "NoSuchBucket" } missing)
        {
            if (missing.ErrorCode != "NoSuchKey")
            {
                await ProbeAsync(s3, target, ct); // a 404 without S3's NoSuchKey: an S3 API lists, anything else fails with its code
            }

            return null;
        }
    }

    /// <summary>One listing request, only on the rare paths where the lock's answer did not look like S3's.</summary>
    private static async Task ProbeAsync(IAmazonS3 s3, S3Target target, CancellationToken ct)
    {
        var page = await S3Errors.Call(() => s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = target.Bucket, Prefix = target.KeyFor(HistoryKeys.Lock), MaxKeys = 1 }, ct), target.Bucket, "s3:ListBucket", "list the objects");
        if (page.Name is null)
        {
            // Every ListBucketResult names its bucket; a 200 without one came from some other web server.
            throw S3Errors.NotS3("read the deploy lock", "no ListBucketResult in the answer");
        }
    }

    /// <summary>The lock's text comes from the bucket: a line break in it must not become a line (a forged CI command) of ours.</summary>
    private static string Printable(string? text) => Headers.HeaderValues.Printable(text ?? "?");

    private static string Utc(DateTimeOffset time) => $"{time.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC";

    private static DeployException Locked(S3Target target, DeployLock held) =>
        DeployException.Refused(DiagnosticCode.PrefixLocked, $"{target} is locked by {Printable(held.Holder)}, whose {Printable(held.Operation)} started {Utc(held.Started)}; nothing was changed. Run again when it has finished; if it was killed, pass --break-lock (the lock also expires {Utc(held.Expires)}).");
}
