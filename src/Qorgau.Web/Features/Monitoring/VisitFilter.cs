using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Qorgau.Data;
using Qorgau.Domain;
using Qorgau.Domain.Intake;
using Qorgau.Domain.Monitoring;

namespace Qorgau.Web.Features.Monitoring;

/// <summary>
/// The filters of the visit list and <c>GET /api/v1/visits</c>: facility (code), status (code), and from/to
/// (yyyy-MM-dd), which keep the visits whose day (the day it started, or the planned window of a plan) meets the period.
/// </summary>
public sealed record VisitFilter(Guid? FacilityId, VisitStatus? Status, DateOnly? From, DateOnly? To)
{
    public static readonly VisitFilter None = new(null, null, null, null);

    /// <summary>The visits that meet the filter; a started visit's day is its arrival in the profile's time zone.</summary>
    public IQueryable<MonitoringVisit> Apply(IQueryable<MonitoringVisit> visits, TimeZoneInfo zone)
    {
        if (FacilityId is { } facility)
        {
            visits = visits.Where(v => v.FacilityId == facility);
        }

        if (Status is { } status)
        {
            visits = visits.Where(v => v.Status == status);
        }

        if (From is { } from)
        {
            var fromUtc = TimeZoneInfo.ConvertTimeToUtc(from.ToDateTime(TimeOnly.MinValue), zone);
            visits = visits.Where(v => v.StartedAtUtc != null ? v.StartedAtUtc >= fromUtc : v.PlannedTo >= from);
        }

        if (To is { } to)
        {
            var toUtc = TimeZoneInfo.ConvertTimeToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue), zone);
            visits = visits.Where(v => v.StartedAtUtc != null ? v.StartedAtUtc < toUtc : v.PlannedFrom <= to);
        }

        return visits;
    }

    /// <summary>The filter and, for each bad parameter, its problem code (unknown facility or status, not a date, to before from).</summary>
    public static async Task<(VisitFilter Filter, Dictionary<string, string> Problems)> ParseAsync(IQueryCollection query, QorgauDbContext db, CancellationToken cancellationToken)
    {
        var problems = new Dictionary<string, string>(StringComparer.Ordinal);
        string? Text(string name) => query[name].ToString() is { Length: > 0 } text ? text.Trim() : null;

        Guid? facilityId = null;
        if (Text("facility") is { } code)
        {
            // PostgreSQL refuses a NUL in a text parameter (a 500); no facility code holds one.
            facilityId = code.Contains('\0', StringComparison.Ordinal) ? null : await db.Facilities.Where(f => f.Code == code).Select(f => (Guid?)f.Id).FirstOrDefaultAsync(cancellationToken);
            if (facilityId is null)
            {
                problems["facility"] = MonitoringProblemCode.Unknown;
            }
        }

        VisitStatus? status = null;
        if (Text("status") is { } statusCode)
        {
            status = EnumCode.Parse<VisitStatus>(statusCode);
            if (status is null)
            {
                problems["status"] = MonitoringProblemCode.Unknown;
            }
        }

        var from = Day(query, "from", problems);
        var to = Day(query, "to", problems);
        if (from is { } f && to is { } t && t < f)
        {
            problems["to"] = MonitoringProblemCode.EndBeforeStart;
        }

        return (new VisitFilter(facilityId, status, from, to), problems);
    }

    public static DateOnly? Day(IQueryCollection query, string name, Dictionary<string, string> problems)
    {
        var text = query[name].ToString();
        if (text.Length == 0)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        problems[name] = MonitoringProblemCode.NotADate;
        return null;
    }
}
