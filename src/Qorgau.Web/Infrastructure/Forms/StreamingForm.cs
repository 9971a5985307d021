using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Qorgau.Web.Infrastructure.Forms;

/// <summary>
/// Reads a posted form section by section instead of through <c>Request.Form</c>, which would buffer
/// uploaded files to temporary files on disk in clear. Text fields are collected (bounded); each file
/// is handed to the caller as a stream, with the fields read before it, so that it can be encrypted
/// as it arrives. Forms that carry files put the file input last.
/// The antiforgery token (the form's first field, or the header) is checked before the first file is
/// handed over, or at the end of a form without files: a form without a valid one stops with
/// <see cref="FormTokenRefusedException"/>, and no file reaches the caller.
/// </summary>
public static class StreamingForm
{
    public const int MaxFieldBytes = 128 * 1024;
    private const int MaxFields = 200;

    public static async Task<FormFields> ReadAsync(HttpRequest request, Func<FormFields, FormFile, Task> onFile, CancellationToken cancellationToken)
    {
        try
        {
            return await ReadFieldsAndFilesAsync(request, onFile, cancellationToken);
        }
        catch (Exception e) when (IsMalformedBody(e))
        {
            throw new BadHttpRequestException("The form could not be read.", e);
        }
    }

    /// <summary>
    /// What the readers throw on a body that breaks the form's syntax: a truncated multipart body, a
    /// section header the reader cannot parse, percent-encoding that is not UTF-8. The client's doing.
    /// The multipart reader signals a truncated body with a plain <see cref="IOException"/>; only one it
    /// raised counts, so that a failing disk under a file being stored stays a server error.
    /// </summary>
    public static bool IsMalformedBody(Exception exception) =>
        exception is InvalidDataException or DecoderFallbackException
        || (exception is IOException && exception is not BadHttpRequestException && exception.Source?.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) == true);

    private static async Task<FormFields> ReadFieldsAndFilesAsync(HttpRequest request, Func<FormFields, FormFile, Task> onFile, CancellationToken cancellationToken)
    {
        var fields = new FormFields();
        if (!request.HasFormContentType || !MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType))
        {
            throw new BadHttpRequestException("The body is not a form.", StatusCodes.Status415UnsupportedMediaType);
        }

        if (!contentType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            // URL-encoded forms carry no files, so the framework's reader writes nothing to disk.
            var form = await request.ReadFormAsync(cancellationToken);
            foreach (var (name, values) in form)
            {
                fields.AddRange(name, values.Select(v => v ?? string.Empty));
            }

            await CheckTokenAsync(request, fields);
            return fields;
        }

        var boundary = HeaderUtilities.RemoveQuotes(contentType.Boundary).Value
            ?? throw new BadHttpRequestException("The form has no multipart boundary.");
        var reader = new MultipartReader(boundary, request.Body) { HeadersLengthLimit = 16 * 1024 };
        var tokenChecked = false;
        while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase))
            {
                await section.Body.CopyToAsync(Stream.Null, cancellationToken);
                continue;
            }

            var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? string.Empty;
            if (disposition.IsFileDisposition())
            {
                var fileName = HeaderUtilities.RemoveQuotes(StringSegment.IsNullOrEmpty(disposition.FileNameStar) ? disposition.FileName : disposition.FileNameStar).Value;
                if (!tokenChecked)
                {
                    await CheckTokenAsync(request, fields);
                    tokenChecked = true;
                }

                await onFile(fields, new FormFile(name, fileName ?? string.Empty, section.ContentType, section.Body));
                await section.Body.CopyToAsync(Stream.Null, cancellationToken);
            }
            else if (fields.Count >= MaxFields)
            {
                throw new BadHttpRequestException("The form has too many fields.", StatusCodes.Status413PayloadTooLarge);
            }
            else
            {
                fields.Add(name, await ReadTextAsync(section.Body, cancellationToken));
            }
        }

        if (!tokenChecked)
        {
            await CheckTokenAsync(request, fields);
        }

        return fields;
    }

    /// <summary>
    /// Validates the request's antiforgery token as the framework would, with the token taken from the
    /// header or, failing that, from the fields read so far, never by reading the form again.
    /// </summary>
    private static async Task CheckTokenAsync(HttpRequest request, FormFields fields)
    {
        var antiforgery = request.HttpContext.RequestServices.GetRequiredService<IAntiforgery>();
        var names = request.HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<AntiforgeryOptions>>().Value;
        var headerName = names.HeaderName ?? "RequestVerificationToken";
        if (string.IsNullOrEmpty(request.Headers[headerName]))
        {
            if (string.IsNullOrEmpty(fields[names.FormFieldName]))
            {
                throw new FormTokenRefusedException(fields);
            }

            // The framework's store prefers the header, so it never reads the (half-streamed) form.
            request.Headers[headerName] = fields[names.FormFieldName];
        }

        try
        {
            await antiforgery.ValidateRequestAsync(request.HttpContext);
        }
        catch (AntiforgeryValidationException)
        {
            throw new FormTokenRefusedException(fields);
        }
    }

    private static async Task<string> ReadTextAsync(Stream body, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxFieldBytes)
            {
                throw new BadHttpRequestException("A form field is too large.", StatusCodes.Status413PayloadTooLarge);
            }

            buffer.Write(chunk, 0, read);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}

/// <summary>
/// The form's antiforgery token was missing or invalid: nothing was streamed to the caller. Carries the
/// text fields read before the refusal, so that a page can show the form again with what was typed.
/// </summary>
public sealed class FormTokenRefusedException(FormFields fieldsSoFar) : BadHttpRequestException("The form's antiforgery token is missing or invalid.", StatusCodes.Status400BadRequest)
{
    public FormFields FieldsSoFar { get; } = fieldsSoFar;
}

/// <summary>One uploaded file as it streams in. An empty file input arrives with an empty name and no bytes.</summary>
public sealed record FormFile(string FieldName, string FileName, string? ContentType, Stream Content)
{
    public bool IsEmpty => FileName.Length == 0;
}

/// <summary>The text fields of a form, by name; a name may repeat (checkbox groups).</summary>
public sealed class FormFields
{
    private readonly Dictionary<string, List<string>> _values = new(StringComparer.Ordinal);

    public int Count { get; private set; }

    public string? this[string name] => _values.TryGetValue(name, out var values) ? values[0] : null;

    public IReadOnlyList<string> All(string name) => _values.TryGetValue(name, out var values) ? values : [];

    public bool IsChecked(string name) => this[name] is "true" or "on";

    public void Add(string name, string value)
    {
        if (!_values.TryGetValue(name, out var values))
        {
            _values[name] = values = [];
        }

        values.Add(value);
        Count++;
    }

    public void AddRange(string name, IEnumerable<string> values)
    {
        foreach (var value in values)
        {
            Add(name, value);
        }
    }
}
