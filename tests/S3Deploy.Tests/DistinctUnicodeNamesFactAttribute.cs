namespace S3Deploy.Tests;

/// <summary>
/// A fact that needs a file system keeping two names that differ only in Unicode normalization apart (Linux does; macOS
/// normalizes them to one). Elsewhere it is reported as skipped, with the reason, instead of passing without checking.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class DistinctUnicodeNamesFactAttribute : FactAttribute
{
    public DistinctUnicodeNamesFactAttribute()
    {
        if (!FileSystemKeepsBothForms())
        {
            Skip = "This file system normalizes file names itself (NFC and NFD name the same file), so two names cannot clash here.";
        }
    }

    private static bool FileSystemKeepsBothForms()
    {
        var folder = Path.Combine(Path.GetTempPath(), "s3deploy-nfc-probe-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            File.WriteAllText(Path.Combine(folder, "caf\u00e9"), "composed");
            File.WriteAllText(Path.Combine(folder, "cafe\u0301"), "decomposed");
            return Directory.GetFiles(folder).Length == 2;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
