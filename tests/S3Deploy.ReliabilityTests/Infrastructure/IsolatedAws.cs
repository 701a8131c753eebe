namespace S3Deploy.ReliabilityTests.Infrastructure;

/// <summary>A child process environment that sees only the given AWS config: no keys, no real ~/.aws, no instance metadata.</summary>
internal static class IsolatedAws
{
    public static Dictionary<string, string?> Environment(string temp, string config = "")
    {
        var configFile = Path.Combine(temp, $"aws-config-{Guid.NewGuid():N}");
        File.WriteAllText(configFile, config);
        var empty = Path.Combine(temp, "empty-credentials");
        File.WriteAllText(empty, "");
        return new()
        {
            ["AWS_ACCESS_KEY_ID"] = null,
            ["AWS_SECRET_ACCESS_KEY"] = null,
            ["AWS_SESSION_TOKEN"] = null,
            ["AWS_PROFILE"] = null,
            ["AWS_ROLE_ARN"] = null,
            ["AWS_WEB_IDENTITY_TOKEN_FILE"] = null,
            ["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"] = null,
            ["AWS_CONTAINER_CREDENTIALS_FULL_URI"] = null,
            ["AWS_CONFIG_FILE"] = configFile,
            ["AWS_SHARED_CREDENTIALS_FILE"] = empty,
            ["AWS_EC2_METADATA_DISABLED"] = "true",
            ["HOME"] = temp,
        };
    }
}
