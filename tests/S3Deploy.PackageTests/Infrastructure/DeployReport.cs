using System.Globalization;
using System.Text.RegularExpressions;

namespace S3Deploy.PackageTests.Infrastructure;

/// <summary>The task's outputs, as the throwaway projects print them after the S3Deploy target.</summary>
internal sealed partial record DeployReport(int Uploaded, int HeadersUpdated, int Deleted, int Unchanged)
{
    public static DeployReport From(DotnetResult result)
    {
        var match = Line().Match(result.Output);
        Assert.True(match.Success, "The S3Deploy target did not run:\n" + result.Output);
        int Number(int group) => int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);
        return new DeployReport(Number(1), Number(2), Number(3), Number(4));
    }

    public static bool Ran(DotnetResult result) => Line().IsMatch(result.Output);

    [GeneratedRegex(@"S3DeployResult uploaded=(\d+) headersUpdated=(\d+) deleted=(\d+) unchanged=(\d+)")]
    private static partial Regex Line();
}
