using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Qorgau.Web.Infrastructure;

/// <summary>
/// Failures an operator can fix (invalid configuration, another installation's secret, a database or
/// file that cannot be reached), told in one line without a stack trace or data values. The app's start
/// and every verb report them the same way; anything else is a defect and keeps its stack trace.
/// </summary>
public static class ExpectedFailure
{
    public static string? Describe(Exception exception) => exception switch
    {
        OptionsValidationException invalid => $"the configuration is invalid: {string.Join("; ", invalid.Failures)}",
        AggregateException { InnerExceptions.Count: > 0 } many when many.InnerExceptions.All(e => Describe(e) is not null) =>
            string.Join("; ", many.InnerExceptions.Select(Describe)),

        // The type and message only: EF and the drivers keep data values out of messages.
        InvalidOperationException or IOException or DbException or DbUpdateException or UnauthorizedAccessException =>
            $"{exception.GetType().Name}: {exception.Message}",
        _ => null,
    };
}
