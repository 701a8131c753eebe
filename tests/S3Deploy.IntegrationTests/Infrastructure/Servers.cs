namespace S3Deploy.IntegrationTests.Infrastructure;

/// <summary>Both S3 API servers, started side by side once for the test run.</summary>
public sealed class Servers : IAsyncLifetime
{
    public S3ServerFixture S3rver { get; } = new();

    public MotoFixture Moto { get; } = new();

    public IS3Server this[Emulator emulator] => emulator switch
    {
        Emulator.S3rver => S3rver,
        _ => Moto.Running ? Moto : throw new InvalidOperationException(MotoInstall.Missing ?? "moto_server is not running."),
    };

    public Task InitializeAsync() => Task.WhenAll(S3rver.InitializeAsync(), Moto.InitializeAsync());

    public Task DisposeAsync() => Task.WhenAll(S3rver.DisposeAsync(), Moto.DisposeAsync());
}
