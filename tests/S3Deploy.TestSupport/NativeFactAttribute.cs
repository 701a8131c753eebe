namespace S3Deploy.TestSupport;

/// <summary>
/// A fact that needs a Native AOT compile of the CLI. The compile alone takes about 4 minutes on 2 cores, more than the
/// default suite can spare, so it is skipped visibly unless S3DEPLOY_NATIVE_TESTS=1; the release workflow sets it.
/// </summary>
internal sealed class NativeFactAttribute : FactAttribute
{
    public const string Variable = "S3DEPLOY_NATIVE_TESTS";

    public NativeFactAttribute()
    {
        if (!Enabled)
        {
            Skip = $"native AOT compile takes ~4 min on 2 cores; run with {Variable}=1 (the release workflow does)";
        }
    }

    public static bool Enabled => Environment.GetEnvironmentVariable(Variable) == "1";
}
