using S3Deploy.Core;
using S3Deploy.Core.Applying;
using S3Deploy.Core.Planning;
using S3Deploy.Core.Remote;

namespace S3Deploy.TestSupport;

/// <summary>A test on a fresh bucket; every test project that uses it defines the collection <see cref="S3rver"/>.</summary>
[Collection(S3rver)]
public abstract class DeployTest : IAsyncLifetime, IDisposable
{
    /// <summary>The collection that shares one <see cref="S3ServerFixture"/>.</summary>
    public const string S3rver = "s3rver";

    private readonly List<IDisposable> owned = [];
    private readonly IS3Server? fixedServer;

    /// <summary>Each test gets a fresh bucket on this server before it starts.</summary>
    protected DeployTest(IS3Server server) => fixedServer = server;

    /// <summary>Each test picks its server with <see cref="UseAsync"/>, as a theory over servers does.</summary>
    protected DeployTest()
    {
    }

    protected IS3Server Server { get; private set; } = null!;

    protected Bucket Bucket { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (fixedServer is not null)
        {
            await UseAsync(fixedServer);
        }
    }

    /// <summary>Points the test at <paramref name="server"/> with a fresh bucket.</summary>
    protected async Task UseAsync(IS3Server server)
    {
        Server = server;
        Bucket = new Bucket(server.Client(), await server.CreateBucketAsync(), server.Endpoint);
    }

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

    /// <summary>A listing without the release history (records and kept bytes), for tests about the site's own objects.</summary>
    protected static Dictionary<string, string> WithoutHistory(Dictionary<string, string> listing) =>
        listing.Where(o => !o.Key.Contains(HistoryKeys.Releases, StringComparison.Ordinal) && !o.Key.Contains(HistoryKeys.Objects, StringComparison.Ordinal))
            .ToDictionary(o => o.Key, o => o.Value, StringComparer.Ordinal);

    protected static int Count(DeployResult result, ActionKind kind) => result.Actions.Count(a => a.Kind == kind);
}
