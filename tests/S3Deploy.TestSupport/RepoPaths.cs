namespace S3Deploy.TestSupport;

internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string S3rverScript => Path.Combine(Root, "tests", "s3server", "node_modules", "s3rver", "bin", "s3rver.js");

    public static string SampleSite => Path.Combine(Root, "samples", "site");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "S3Deploy.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Could not find S3Deploy.sln above " + AppContext.BaseDirectory);
    }
}
