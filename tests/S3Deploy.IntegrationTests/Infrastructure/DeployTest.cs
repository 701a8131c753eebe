using S3Deploy.Core;
using S3Deploy.Core.Applying;
using S3Deploy.Core.Planning;

namespace S3Deploy.IntegrationTests.Infrastructure;

[Collection(S3ServerCollection.Name)]
public abstract class DeployTest(S3ServerFixture server) : IAsyncLifetime, IDisposable
{
    private readonly List<IDisposable> owned = [];

    protected S3ServerFixture Server { get; } = server;

    protected Bucket Bucket { get; private set; } = null!;

    public async Task InitializeAsync() => Bucket = new Bucket(Server.Client(), await Server.CreateBucketAsync(), Server.Endpoint);

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        Bucket?.Dispose();
        owned.ForEach(o => o.Dispose());
        GC.SuppressFinalize(this);
    }

    protected TempSite Site(params (string Key, string Text)[] files) => Own(TempSite.With(files));

    protected T Own<T>(T disposable)
        where T : IDisposable
    {
        owned.Add(disposable);
        return disposable;
    }

    protected DeployOptions Options(TempSite site, string prefix = "") => new()
    {
        Source = site.Path,
        Target = new S3Target(Bucket.Name, prefix),
        Connection = Server.Connection,
    };

    protected Task<DeployResult> DeployAsync(TempSite site, string prefix = "", IDeployObserver? observer = null, CancellationToken ct = default) =>
        DeployAsync(Options(site, prefix), observer, ct);

    protected static Task<DeployResult> DeployAsync(DeployOptions options, IDeployObserver? observer = null, CancellationToken ct = default) =>
        new Deployer(observer).DeployAsync(options, ct);

    protected static string[] Describe(DeployResult result) =>
        result.Actions.Select(a => $"{a.KindName}:{a.ReasonName}:{a.RelativeKey}").Order(StringComparer.Ordinal).ToArray();

    protected async Task AssertBucketMatchesAsync(TempSite site, string prefix = "")
    {
        var keyPrefix = prefix.Length == 0 ? "" : prefix + "/";
        var listed = await Bucket.ListAsync(keyPrefix);
        var siteKeys = listed.Keys.Where(k => !k.StartsWith(keyPrefix + ".s3deploy/", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(site.Keys().Select(k => keyPrefix + k), siteKeys);
        foreach (var key in site.Keys())
        {
            Assert.Equal(await File.ReadAllBytesAsync(site.FullPath(key)), await Bucket.GetAsync(keyPrefix + key));
        }
    }

    protected static int Count(DeployResult result, ActionKind kind) => result.Actions.Count(a => a.Kind == kind);
}
