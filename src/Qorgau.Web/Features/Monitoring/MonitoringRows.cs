using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Qorgau.Data;
using Qorgau.Domain;
using Qorgau.Domain.Audit;
using Qorgau.Domain.Cases;
using Qorgau.Domain.Facilities;
using Qorgau.Domain.Intake;
using Qorgau.Domain.Monitoring;
using Qorgau.Domain.Organisations;
using Qorgau.Domain.Profiles;
using Qorgau.Domain.Security;
using Qorgau.Web.Features.Cases;
using Qorgau.Web.Infrastructure.Audit;
using Qorgau.Web.Infrastructure.Security;

namespace Qorgau.Web.Features.Monitoring;

public sealed record VisitRow(MonitoringVisit Visit, Facility Facility, int Refusals);

public sealed record AccessRow(AccessRequest Request, string? Description, string? AnsweredBy, string? Ground);

public sealed record RegisterRow(RegisterCheck Check, string? Note);

public sealed record InterviewRow(VisitInterview Interview, string? Notes);

public sealed record FindingRow(VisitFinding Finding, string? Text);

public sealed record FollowUpRow(RecommendationFollowUp Step, string? Answer);

public sealed record RecommendationRow(Recommendation Recommendation, string? Text, bool IsOverdue, IReadOnlyList<FollowUpRow> FollowUps);

/// <summary>A visit as its page shows it; the texts are null when the member holds no copy of the visit key.</summary>
public sealed record VisitRecord(
    MonitoringVisit Visit,
    Facility Facility,
    IReadOnlyList<string> Team,
    bool Decrypted,
    IReadOnlyList<AccessRow> Access,
    IReadOnlyList<RegisterRow> Registers,
    IReadOnlyList<InterviewRow> Interviews,
    IReadOnlyList<FindingRow> Findings,
    IReadOnlyList<RecommendationRow> Recommendations);
