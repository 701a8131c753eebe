namespace S3Deploy.PackageTests.Infrastructure;

/// <summary>A theory that a machine without Chromium skips, saying why; in CI it runs and fails instead.</summary>
internal sealed class ChromiumTheoryAttribute : TheoryAttribute
{
    public ChromiumTheoryAttribute()
    {
        if (Chromium.Path is null && !Chromium.Required)
        {
            Skip = Chromium.Missing;
        }
    }
}
