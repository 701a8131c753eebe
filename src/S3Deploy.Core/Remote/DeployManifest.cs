using System.Text.Json;
using System.Text.Json.Serialization;

namespace S3Deploy.Core.Remote;

/// <summary>
/// The one object S3Deploy keeps beside the site. It lets a deploy trust multipart and KMS ETags and skip a HEAD per object,
/// which is what makes a fresh CI checkout upload nothing.
/// </summary>
public sealed record DeployManifest(IReadOnlyDictionary<string, ManifestEntry> Objects)
{
    private static readonly IReadOnlyDictionary<string, DateTimeOffset> NoStale = new Dictionary<string, DateTimeOffset>();

    public const string Folder = ".s3deploy";
    public const string RelativeKey = Folder + "/manifest.json";
    public const int CurrentVersion = 1;

    public static readonly DeployManifest Empty = new(new Dictionary<string, ManifestEntry>());


    /// <summary>Objects kept after they left the source (--keep-stale), with when each first became stale.</summary>
    public IReadOnlyDictionary<string, DateTimeOffset> Stale { get; init; } = NoStale;

    /// <summary>
    /// The release the deploy that wrote this manifest records next (it writes the record after the manifest), so a rerun
    /// can tell that a run was killed between the two and record the release itself.
    /// </summary>
    public string? Release { get; init; }

    public ManifestEntry? Find(string relativeKey) => Objects.GetValueOrDefault(relativeKey);

    /// <summary>Same entries and stale records: writing this manifest again would change nothing.</summary>
    public bool SameAs(DeployManifest other) =>
        Objects.Count == other.Objects.Count
        && Objects.All(o => other.Objects.TryGetValue(o.Key, out var e) && e == o.Value)
        && Stale.Count == other.Stale.Count
        && Stale.All(s => other.Stale.TryGetValue(s.Key, out var since) && since == s.Value);

    public byte[] ToJson(string tool, DateTimeOffset written) =>
        JsonSerializer.SerializeToUtf8Bytes(Document(tool, written), ManifestJson.Default.ManifestDocument);

    /// <summary>As <see cref="ToJson"/>, written through a small buffer: at 100k keys the whole document is ~25 MB.</summary>
    internal void WriteJson(Stream json, string tool, DateTimeOffset written) =>
        JsonSerializer.Serialize(json, Document(tool, written), ManifestJson.Default.ManifestDocument);

    private ManifestDocument Document(string tool, DateTimeOffset written)
    {
        var sorted = new Dictionary<string, ManifestEntry>(Objects.OrderBy(o => o.Key, StringComparer.Ordinal));
        var stale = Stale.Count == 0 ? null : new Dictionary<string, DateTimeOffset>(Stale.OrderBy(o => o.Key, StringComparer.Ordinal));
        return new ManifestDocument(CurrentVersion, tool, written, sorted, stale, Release);
    }

    /// <summary>Null when the text is not a manifest this version understands: the deploy then falls back to HEAD requests.</summary>
    public static DeployManifest? FromJson(ReadOnlySpan<byte> json)
    {
        try
        {
            return From(JsonSerializer.Deserialize(json, ManifestJson.Default.ManifestDocument));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>As <see cref="FromJson"/>, parsed as the stream delivers it, so the document is never held whole.</summary>
    /// <param name="listed">The objects just listed: given, the manifest shares their strings (<see cref="ManifestStrings"/>).</param>
    internal static async Task<DeployManifest?> FromJsonAsync(Stream json, CancellationToken ct, Dictionary<string, RemoteObject>? listed = null)
    {
        var context = listed is null ? ManifestJson.Default : new ManifestJson(ManifestStrings.Options(listed));
        try
        {
            return From(await JsonSerializer.DeserializeAsync(json, context.ManifestDocument, ct));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static DeployManifest? From(ManifestDocument? doc) =>
        doc is { Version: CurrentVersion, Objects: not null } ? new DeployManifest(doc.Objects) { Stale = doc.Stale ?? [], Release = doc.Release } : null;
}
