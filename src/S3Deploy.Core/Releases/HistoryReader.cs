using System.Net;
using System.Text.Json;
using Amazon.S3;
using Amazon.S3.Model;
using S3Deploy.Core.Diagnostics;
using S3Deploy.Core.Planning;
using S3Deploy.Core.Remote;

namespace S3Deploy.Core.Releases;

/// <summary>Reads release records: the ids and the store come from the listing the deploy made anyway, the records by GET.</summary>
internal sealed class HistoryReader(IAmazonS3 s3, S3Target target)
{
    /// <summary>Release records hold a key set: as much room per key as the manifest allows, and a floor for the fields.</summary>
    private const long MaxRecordBytes = 512L * 1024 * 1024;

    /// <param name="records">How many of the newest records to read: of each, only the content ids it refers to.</param>
    public async Task<ReleaseHistory> ReadAsync(BucketState state, int records, Action<Diagnostic> warn, CancellationToken ct)
    {
        var ids = HistoryKeys.ReleaseIds(state);
        var store = HistoryKeys.StoreHashes(state);
        var kept = new ReleaseReferences();
        var complete = true;
        foreach (var id in ids.Take(Math.Max(records, 0)))
        {
            if (!await TryReadHashesAsync(id, kept, state.Objects as Dictionary<string, RemoteObject>, ct))
            {
                complete = false;
                warn(Diagnostic.Warning(DiagnosticCode.HistoryIncomplete, $"Release record {HistoryKeys.Release(id)} could not be read as a release, so nothing is pruned from the store this time."));
            }
        }

        return new ReleaseHistory(ids, kept, store, complete);
    }

    /// <summary>Adds the content ids of release <paramref name="id"/> to <paramref name="into"/>, reading the record as it streams.</summary>
    public async Task<bool> TryReadHashesAsync(string id, ReleaseReferences into, Dictionary<string, RemoteObject>? listed, CancellationToken ct)
    {
        try
        {
            using var response = await GetAsync(id, ct);
            await using var body = new BoundedStream(response.ResponseStream, MaxRecordBytes);
            return await new ReleaseHashReader(id, into, listed).ReadAsync(body, ct);
        }
        catch (Exception e) when (Unreadable(e))
        {
            return false;
        }
    }

    public async Task<ReleaseRecord?> TryReadAsync(string id, CancellationToken ct)
    {
        try
        {
            using var response = await GetAsync(id, ct);
            await using var body = new BoundedStream(response.ResponseStream, MaxRecordBytes);
            var record = await JsonSerializer.DeserializeAsync(body, ReleaseJson.Default.ReleaseRecord, ct);
            return record is { Version: ReleaseRecord.CurrentVersion, Objects: not null, Headers: not null } && record.Id == id ? record : null;
        }
        catch (Exception e) when (Unreadable(e))
        {
            return null;
        }
    }

    private static bool Unreadable(Exception e) =>
        e is JsonException or BodyTooLargeException || e.InnerException is AmazonS3Exception { StatusCode: HttpStatusCode.NotFound };

    private Task<GetObjectResponse> GetAsync(string id, CancellationToken ct)
    {
        // A range, as for the manifest: the SDK then does not check the body against an ETag a gateway may have garbled.
        var request = new GetObjectRequest { BucketName = target.Bucket, Key = target.KeyFor(HistoryKeys.Release(id)), ByteRange = new ByteRange(0, MaxRecordBytes) };
        return S3Errors.Call(() => s3.GetObjectAsync(request, ct), target.Bucket, "s3:GetObject", $"read release {id}");
    }
}
