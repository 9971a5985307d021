using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qorgau.Data;
using Qorgau.Domain;
using Qorgau.Domain.Cases;
using Qorgau.Domain.Monitoring;
using Qorgau.Web.Infrastructure.Security;

namespace Qorgau.Web.Features.Monitoring;

/// <summary>
/// One visit: start it (the notice), then record access asked and answered, registers checked,
/// interviews and findings, end it, and issue and follow its recommendations. Every reading is audited;
/// a visit the member may not see is "not found", exactly as one that does not exist.
/// </summary>
[Authorize(Policy = StaffAuthentication.CaseWorkPolicy)]
public sealed class VisitModel(MonitoringWork work, VideoRoomWork videoRooms, ConditionsWork conditions, QorgauDbContext db, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public StartForm Start { get; set; } = new();

    [BindProperty]
    public EndForm End { get; set; } = new();

    [BindProperty]
    public AccessForm Access { get; set; } = new();

    [BindProperty]
    public RegisterForm Register { get; set; } = new();

    [BindProperty]
    public InterviewForm Interview { get; set; } = new();

    [BindProperty]
    public FindingForm Finding { get; set; } = new();

    [BindProperty]
    public RecommendationForm Recommend { get; set; } = new();

    [BindProperty]
    public FollowUpForm FollowUp { get; set; } = new();

    [BindProperty]
    public VideoRoomForm VideoRoom { get; set; } = new();

    [BindProperty]
    public ConditionsForm Conditions { get; set; } = new();

    public IReadOnlyList<VideoRoomCheck> VideoRooms { get; private set; } = [];

    /// <summary>The checklist of the profile, and the latest check of each item in each area.</summary>
    public IReadOnlyList<ConditionItem> Checklist => conditions.Checklist;

    public IReadOnlyList<ConditionRow> ConditionRows { get; private set; } = [];

    /// <summary>Which form the problems belong to, so that each shows its own.</summary>
    public string? Form { get; private set; }

    public IReadOnlyDictionary<string, string> Problems { get; private set; } = new Dictionary<string, string>();

    public VisitRecord Record { get; private set; } = null!;

    public bool MayRecord { get; private set; }

    /// <summary>The public number of the case an urgent visit started from, when this member may reach that case.</summary>
    public string? LinkedCase { get; private set; }

    /// <summary>Earlier recommendations on the same facility that a new one may repeat.</summary>
    public IReadOnlyList<Recommendation> Earlier { get; private set; } = [];

    public DateOnly Today => work.Today;

    public string? Problem(string form, string field) => Form == form && Problems.TryGetValue(field, out var text) ? text : null;

    public Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) => ShowAsync(id, cancellationToken);

    public Task<IActionResult> OnPostStartAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(id, "start", (m, v) => work.StartAsync(m, v, Start, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostAccessAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(id, "access", (m, v) => work.AddAccessAsync(m, v, Access, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostRegisterAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(id, "register", (m, v) => work.CheckRegisterAsync(m, v, Register, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostInterviewAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(id, "interview", (m, v) => work.AddInterviewAsync(m, v, Interview, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostFindingAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(id, "finding", (m, v) => work.AddFindingAsync(m, v, Finding, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostVideoRoomAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(id, "video-room", (m, v) => videoRooms.CheckAsync(m, v, VideoRoom, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostConditionsAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(id, "conditions", (m, v) => conditions.RecordAsync(m, v, Conditions, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostEndAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(id, "end", (m, v) => work.EndAsync(m, v, End, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostRecommendAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(id, "recommend", (m, v) => work.IssueAsync(m, v, Recommend, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostFollowUpAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(id, "follow-up", (m, v) => work.FollowUpAsync(m, v, FollowUp, cancellationToken), cancellationToken);

    private async Task<IActionResult> ChangeAsync(Guid id, string form, Func<MonitoringMember, MonitoringVisit, Task<List<Problem>>> change, CancellationToken cancellationToken)
    {
        if (await work.MemberAsync(User) is not { } member || await work.FindAsync(member, id, cancellationToken) is not { } visit)
        {
            return NotFound();
        }

        var problems = await change(member, visit);
        if (problems.Count == 0)
        {
            return Redirect($"/visits/{id}#{form}");
        }

        Form = form;
        Problems = MonitoringText.Problems(localizer, problems);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return await ShowAsync(id, cancellationToken);
    }

    private async Task<IActionResult> ShowAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await work.MemberAsync(User) is not { } member || await work.FindAsync(member, id, cancellationToken) is not { } visit)
        {
            return NotFound();
        }

        // A failed change may have left tracked edits on the visit; show what is stored.
        db.ChangeTracker.Clear();
        visit = (await work.FindAsync(member, id, cancellationToken))!;
        Record = await work.ReadAsync(member, visit, cancellationToken);
        MayRecord = await work.MayRecordAsync(member, visit, cancellationToken);
        VideoRooms = await videoRooms.OfVisitAsync(visit.Id, cancellationToken);
        ConditionRows = await conditions.OfVisitAsync(member, visit, cancellationToken);
        LinkedCase = await work.LinkedCaseAsync(member, visit, cancellationToken);
        Earlier = await work.VisibleRecommendations(member.Viewer).AsNoTracking()
            .Where(r => r.FacilityId == visit.FacilityId && r.VisitId != visit.Id).OrderByDescending(r => r.IssuedOn).Take(50).ToListAsync(cancellationToken);
        return Page();
    }
}
