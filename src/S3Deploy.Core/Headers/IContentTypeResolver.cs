namespace S3Deploy.Core.Headers;

internal interface IContentTypeResolver
{
    string ContentTypeFor(string relativeKey);
}
