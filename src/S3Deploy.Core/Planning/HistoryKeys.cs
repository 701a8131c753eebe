using S3Deploy.Core.Remote;

namespace S3Deploy.Core.Planning;

/// <summary>Where release history lives under the prefix: records under releases/, old bytes under objects/ by content id.</summary>
public static class HistoryKeys
{
    public const string Releases = DeployManifest.Folder + "/releases/";
    public const string Objects = DeployManifest.Folder + "/objects/";
    public const string Lock = DeployManifest.Folder + "/lock.json";

    public static string Release(string id) => Releases + id + ".json";

    /// <summary>A content id is an MD5, or an MD5 and an encoding ("…+gzip"); '+' becomes '.' so no client or proxy reads it as a space.</summary>
    public static string Object(string hash) => Objects + hash.Replace('+', '.');

    public static string? ReleaseIdOf(string relativeKey) =>
        relativeKey.StartsWith(Releases, StringComparison.Ordinal) && relativeKey.EndsWith(".json", StringComparison.Ordinal) ? relativeKey[Releases.Length..^5] : null;

    public static string? HashOf(string relativeKey) =>
        relativeKey.StartsWith(Objects, StringComparison.Ordinal) ? relativeKey[Objects.Length..].Replace('.', '+') : null;

    /// <summary>The release ids the listing found, newest first (ids sort as the releases happened).</summary>
    internal static List<string> ReleaseIds(BucketState state) =>
        state.Reserved.Keys.Select(ReleaseIdOf).OfType<string>().OrderDescending(StringComparer.Ordinal).ToList();

    /// <summary>The content ids the listing found in the store.</summary>
    internal static HashSet<string> StoreHashes(BucketState state) =>
        state.Reserved.Keys.Select(HashOf).OfType<string>().ToHashSet(StringComparer.Ordinal);
}
