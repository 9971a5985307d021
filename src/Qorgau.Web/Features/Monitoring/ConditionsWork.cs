using Microsoft.EntityFrameworkCore;
using Qorgau.Data;
using Qorgau.Domain;
using Qorgau.Domain.Cases;
using Qorgau.Domain.Monitoring;
using Qorgau.Domain.Profiles;
using Qorgau.Domain.Security;

namespace Qorgau.Web.Features.Monitoring;

/// <summary>One item of the checklist as shown: the latest check, the item as the profile names it (null when the profile no longer lists it), the note decrypted.</summary>
public sealed record ConditionRow(ConditionCheck Check, ConditionItem? Item, string? Note);

/// <summary>
/// The conditions checklist of a visit (the profile's <c>conditions.csv</c>), one area at a time. Checks
/// belong to a visit, so they are seen exactly as the visit is, and saved with their audit entry through
/// <see cref="MonitoringWork.SaveAsync"/>.
/// </summary>
public sealed class ConditionsWork(QorgauDbContext db, MonitoringWork work, JurisdictionProfile profile, TimeProvider clock)
{
    public IReadOnlyList<ConditionItem> Checklist => profile.ConditionItems;

    /// <summary>Records one area: the state of each item given (items left out are not checked) and a note per item, encrypted.</summary>
    public async Task<List<Problem>> RecordAsync(MonitoringMember member, MonitoringVisit visit, ConditionsForm form, CancellationToken cancellationToken)
    {
        var problems = new List<Problem>();
        var area = FieldParser.Code<AccessTarget>(problems, "area", form.Area);
        var states = new Dictionary<string, ConditionState>(StringComparer.Ordinal);
        foreach (var (code, text) in form.States.Where(s => !string.IsNullOrWhiteSpace(s.Value)))
        {
            if (FieldParser.Code<ConditionState>(problems, $"item:{code}", text) is { } state)
            {
                states[code] = state;
            }
        }

        var notes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (code, text) in form.Notes)
        {
            if (FieldParser.Text(problems, $"note:{code}", text, MonitoringRules.MaxText) is { } note)
            {
                notes[code] = note;
            }
        }

        foreach (var code in notes.Keys.Where(code => !states.ContainsKey(code) && problems.All(p => p.Field != $"item:{code}")))
        {
            problems.Add(new Problem($"item:{code}", MonitoringProblemCode.Required));
        }

        if (area is { } a)
        {
            problems.AddRange(ConditionRules.CheckArea(visit, a, states, Checklist).Where(p => problems.All(q => q.Field != p.Field)));
        }

        var key = problems.Count == 0 ? await work.KeyAsync(member, visit.Id, cancellationToken) : null;
        if (problems.Count == 0 && key is null)
        {
            problems.Add(new Problem("status", MonitoringProblemCode.NoKey));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var summary = ConditionRules.Summarise(states.Select(s => new ConditionCheck { Item = s.Key, State = s.Value }));
        return await work.SaveAsync(member, visit, problems, () =>
        {
            foreach (var (code, state) in states)
            {
                var id = Guid.CreateVersion7();
                var note = notes.GetValueOrDefault(code);
                db.ConditionChecks.Add(new ConditionCheck
                {
                    Id = id,
                    VisitId = visit.Id,
                    Area = area!.Value,
                    Item = code,
                    State = state,
                    RecordedAtUtc = now,
                    RecordedByUserId = member.User.Id,
                    NoteCipher = note is null ? null : Crypto.EncryptText(key!, note, VisitField.Context(visit.Id, "condition-note", id)),
                });
            }
        }, "visit.conditions", $"area={form.Area} met={summary.Met} partly={summary.Partly} not-met={summary.NotMet} not-checked={summary.NotChecked}", cancellationToken);
    }

    /// <summary>The latest check of each item in each area; notes decrypted with the visit key when the member holds it (null otherwise).</summary>
    public async Task<IReadOnlyList<ConditionRow>> OfVisitAsync(MonitoringMember member, MonitoringVisit visit, CancellationToken cancellationToken)
    {
        var checks = await OfVisitAsync(visit.Id, cancellationToken);
        if (checks.Count == 0)
        {
            return [];
        }

        var key = checks.Any(c => c.NoteCipher is not null) ? await work.KeyAsync(member, visit.Id, cancellationToken) : null;
        return [.. checks.Select(c => new ConditionRow(
            c,
            Checklist.FirstOrDefault(i => i.Code == c.Item),
            c.NoteCipher is null || key is null ? null : Crypto.DecryptText(key, c.NoteCipher, VisitField.Context(visit.Id, "condition-note", c.Id))))];
    }

    /// <summary>The latest check of each item in each area, classification only (nothing decrypted).</summary>
    public async Task<IReadOnlyList<ConditionCheck>> OfVisitAsync(Guid visitId, CancellationToken cancellationToken) =>
        ConditionRules.Latest(await db.ConditionChecks.AsNoTracking().Where(c => c.VisitId == visitId).ToListAsync(cancellationToken), Checklist);
}

/// <summary>One area's checklist as typed: the area (an access-target code), each item's state by item code, and a note by item code.</summary>
public sealed class ConditionsForm
{
    public string? Area { get; set; }

    public Dictionary<string, string?> States { get; set; } = [];

    public Dictionary<string, string?> Notes { get; set; } = [];
}
