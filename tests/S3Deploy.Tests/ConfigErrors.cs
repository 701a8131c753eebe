using S3Deploy.Core.Config;
using S3Deploy.Core.Diagnostics;

namespace S3Deploy.Tests;

/// <summary>A config file whose options must be refused, and checking the error names the file's line and the field.</summary>
internal static class ConfigErrors
{
    public static DeployException LoadFails(TempFolder temp, string json)
    {
        var path = temp.Write("s3deploy.json", json);
        // Reading checks syntax and types; values are checked, with their lines, when the config becomes options.
        return Assert.Throws<DeployException>(() => ConfigFile.Load(path).Validate());
    }

    /// <summary>The file name and line are in the message; the name is relative to the working directory, so only its end is checked.</summary>
    public static void AssertError(DeployException e, string code, int line, string field)
    {
        Assert.Equal(code, e.Code);
        Assert.Equal(FailureKind.Usage, e.Kind);
        Assert.Contains($"s3deploy.json:{line}:", e.Message, StringComparison.Ordinal);
        Assert.Contains(field, e.Message, StringComparison.Ordinal);
    }
}
