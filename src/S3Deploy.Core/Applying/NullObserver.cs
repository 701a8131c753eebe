namespace S3Deploy.Core.Applying;

public sealed class NullObserver : IDeployObserver
{
    public static readonly NullObserver Instance = new();
}
