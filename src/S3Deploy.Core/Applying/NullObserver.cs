namespace S3Deploy.Core.Applying;

internal sealed class NullObserver : IDeployObserver
{
    public static readonly NullObserver Instance = new();
}
