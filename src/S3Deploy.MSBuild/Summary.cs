using System.Globalization;

namespace S3Deploy.MSBuild;

internal static class Summary
{
    public static string Line(string target, DeployResult result)
    {
        var kept = result.KeptStale > 0 ? string.Format(CultureInfo.InvariantCulture, ", {0} stale kept", result.KeptStale) : "";
        if (result.DryRun)
        {
            var plan = string.Format(
                CultureInfo.InvariantCulture,
                "upload {0}, update headers {1}, delete {2}, leave {3} unchanged, {4} to send",
                result.Uploaded, result.HeadersUpdated, result.Deleted, result.Unchanged, Bytes(result.BytesUploaded));
            return $"S3Deploy: {target} (dry run): a deploy would {plan}{kept}; nothing changed in the bucket";
        }

        var counts = string.Format(
            CultureInfo.InvariantCulture,
            "{0} uploaded, {1} headers updated, {2} deleted, {3} unchanged, {4} sent",
            result.Uploaded, result.HeadersUpdated, result.Deleted, result.Unchanged, Bytes(result.BytesUploaded));
        var seconds = (result.DurationMs / 1000.0).ToString("0.0", CultureInfo.InvariantCulture);
        return $"S3Deploy: {target}: {counts}{kept} in {seconds}s";
    }

    private static string Bytes(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => (bytes / 1024.0).ToString("0.0", CultureInfo.InvariantCulture) + " KiB",
        _ => (bytes / (1024.0 * 1024)).ToString("0.0", CultureInfo.InvariantCulture) + " MiB",
    };
}
