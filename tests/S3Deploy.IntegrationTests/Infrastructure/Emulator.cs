namespace S3Deploy.IntegrationTests.Infrastructure;

/// <summary>The S3 API servers the integration scenarios run against; each differs from S3 in its own ways (see README).</summary>
public enum Emulator
{
    S3rver,
    Moto,
}
