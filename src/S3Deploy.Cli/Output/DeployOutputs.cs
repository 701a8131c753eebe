using System.Globalization;
using S3Deploy.Core;

namespace S3Deploy.Cli.Output;

/// <summary>The step outputs every CI adapter sets, by the names action.yml and task.json declare.</summary>
internal static class DeployOutputs
{
    /// <param name="idSeparator">How invalidation ids are joined: a line break where outputs may span lines (GitHub), else a comma.</param>
    public static IReadOnlyList<KeyValuePair<string, string>> From(DeployResult result, string idSeparator) =>
    [
        new("uploaded", Number(result.Uploaded)),
        new("headers-updated", Number(result.HeadersUpdated)),
        new("deleted", Number(result.Deleted)),
        new("unchanged", Number(result.Unchanged)),
        new("bytes-uploaded", result.BytesUploaded.ToString(CultureInfo.InvariantCulture)),
        new("invalidation-ids", string.Join(idSeparator, result.Invalidations.Where(i => i.Id is not null).Select(i => i.Id))),
        new("website-url", result.WebsiteUrl ?? ""),
    ];

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
