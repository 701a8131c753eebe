namespace S3Deploy.IntegrationTests.Infrastructure;

/// <summary>
/// A deploy scenario that runs on every S3 API server: each test is a theory marked <c>[OnS3rver, OnMoto]</c> whose first
/// line is <c>await UseAsync(emulator)</c>. A server that lacks the feature under test gets a visible skip with the reason.
/// </summary>
[Collection(ServersCollection.Name)]
public abstract class ServerTest(Servers servers) : DeployTest
{
    protected Servers Servers { get; } = servers;

    protected Emulator Emulator { get; private set; }

    protected Task UseAsync(Emulator emulator)
    {
        Emulator = emulator;
        return UseAsync(Servers[emulator]);
    }
}
