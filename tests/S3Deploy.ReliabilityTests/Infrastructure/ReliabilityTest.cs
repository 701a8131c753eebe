using S3Deploy.Cli;
using S3Deploy.Core;
using S3Deploy.Core.Remote;

namespace S3Deploy.ReliabilityTests.Infrastructure;

/// <summary>A deploy test with a fault proxy at hand and the check every fault test ends with: a clean rerun converges.</summary>
public abstract class ReliabilityTest(S3ServerFixture server) : DeployTest(server)
{
    internal FaultProxy Proxy() => Own(new FaultProxy(Server.Endpoint));

    internal DeployOptions Through(FaultProxy proxy, TempSite site, string prefix = "") =>
        Options(site, prefix) with { Connection = Server.Connection with { EndpointUrl = proxy.Endpoint } };

    /// <summary>
    /// The bucket holds exactly the site's keys with the site's bytes, and the headers are right: with the manifest set
    /// aside, a plan that compares every listed ETag with the file's MD5 and HEADs every object finds nothing to do.
    /// </summary>
    protected async Task AssertConvergedAsync(TempSite site, string prefix = "")
    {
        await AssertBucketMatchesAsync(site, prefix);
        using var s3 = Server.Client();
        var manifestKey = (prefix.Length == 0 ? "" : prefix + "/") + DeployManifest.RelativeKey;
        await s3.DeleteObjectAsync(Bucket.Name, manifestKey);
        var check = await DeployAsync(Options(site, prefix) with { DryRun = true });
        Assert.Empty(Describe(check));
    }

    protected static async Task<(int Code, string Stdout, string Stderr)> CliAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CliApp.RunAsync(args, stdout, stderr, interactive: false, CancellationToken.None);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
