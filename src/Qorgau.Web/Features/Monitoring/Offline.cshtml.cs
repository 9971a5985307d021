using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qorgau.Data;
using Qorgau.Domain;
using Qorgau.Domain.Facilities;
using Qorgau.Domain.Monitoring;
using Qorgau.Domain.Security;
using Qorgau.Web.Infrastructure.Security;

namespace Qorgau.Web.Features.Monitoring;

/// <summary>A sealed entry as the browser posts it: base64 of the ephemeral public key, the nonce and the ciphertext; the version it last saw.</summary>
public sealed class UploadForm
{
    public string? Key { get; set; }

    public string? Nonce { get; set; }

    public string? Cipher { get; set; }

    public string? Seen { get; set; }
}

/// <summary>
/// The offline form of a visit (docs/decisions/0007), for those who may record on it: the visit page's
/// recording forms, which <c>offline-visit.js</c> seals in the browser to the visit's sealing key and sends
/// when the network returns (<see cref="OnPostUploadAsync"/>); without JavaScript they post to the visit page
/// like the online ones. The page holds nothing decrypted, so the service worker may keep it for a reload
/// without a network.
/// </summary>
[Authorize(Policy = StaffAuthentication.CaseWorkPolicy)]
public sealed class OfflineModel(MonitoringWork work, OfflineVisitWork offline, QorgauDbContext db, IStringLocalizer<SharedResource> localizer) : PageModel
{
    /// <summary>Base64 of a sealed entry's parts, at most: an entry is a form's fields, well under this.</summary>
    private const int MaxCipherChars = 200_000;

    [BindProperty]
    public UploadForm Entry { get; set; } = new();

    public MonitoringVisit Visit { get; private set; } = null!;

    public Facility Facility { get; private set; } = null!;

    /// <summary>The visit's sealing public key (SPKI, base64); null when the visit is not under way or the member holds no copy of the visit key.</summary>
    public string? SealingKey { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await RecorderAsync(id, cancellationToken) is not { } found)
        {
            return NotFound();
        }

        Visit = found.Visit;
        Facility = await db.Facilities.AsNoTracking().FirstAsync(f => f.Id == Visit.FacilityId, cancellationToken);
        if (Visit.Status == VisitStatus.UnderWay && await offline.SealingKeyAsync(found.Member, Visit, cancellationToken) is { } key)
        {
            SealingKey = Convert.ToBase64String(key);
        }

        return Page();
    }

    /// <summary>
    /// One sealed entry: 200 with the new version when applied; 409 with the entry opened and the reasons when
    /// the visit no longer accepts it (it stays in the browser's queue); 400 when it cannot be opened.
    /// </summary>
    public async Task<IActionResult> OnPostUploadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await RecorderAsync(id, cancellationToken) is not { } found)
        {
            return NotFound();
        }

        if (Sealed() is not { } sealedEntry)
        {
            return Unreadable();
        }

        OfflineEntry? entry;
        try
        {
            entry = await offline.OpenAsync(found.Member, found.Visit, sealedEntry, cancellationToken);
        }
        catch (Exception e) when (e is CryptographicException or JsonException)
        {
            return Unreadable();
        }

        if (entry is null)
        {
            return Answer(StatusCodes.Status409Conflict, new { applied = false, reasons = Reasons([new("status", MonitoringProblemCode.NoKey)]) });
        }

        Guid? seen = Guid.TryParse(Entry.Seen, out var version) ? version : null;
        if (await offline.ApplyAsync(found.Member, found.Visit, entry, seen, cancellationToken) is not { } upload)
        {
            return Unreadable();
        }

        return upload.Applied
            ? Answer(StatusCodes.Status200OK, new { applied = true, kind = entry.Kind, recordedMeanwhile = upload.RecordedMeanwhile, version = upload.Version })
            : Answer(StatusCodes.Status409Conflict, new { applied = false, kind = entry.Kind, reasons = Reasons(upload.Problems), fields = entry.Fields, typedAt = entry.TypedAt });
    }

    private async Task<(MonitoringMember Member, MonitoringVisit Visit)?> RecorderAsync(Guid id, CancellationToken cancellationToken) =>
        await work.MemberAsync(User) is { } member
            && await work.FindAsync(member, id, cancellationToken) is { } visit
            && await work.MayRecordAsync(member, visit, cancellationToken)
            ? (member, visit)
            : null;

    private SealedEntry? Sealed()
    {
        static byte[]? Bytes(string? text)
        {
            if (string.IsNullOrEmpty(text) || text.Length > MaxCipherChars)
            {
                return null;
            }

            var bytes = new byte[text.Length];
            return Convert.TryFromBase64String(text, bytes, out var written) ? bytes[..written] : null;
        }

        return Bytes(Entry.Key) is { } key && Bytes(Entry.Nonce) is { } nonce && Bytes(Entry.Cipher) is { } cipher
            ? new SealedEntry(key, nonce, cipher)
            : null;
    }

    private string[] Reasons(IEnumerable<Problem> problems) => [.. MonitoringText.Problems(localizer, problems).Values.Distinct()];

    private JsonResult Unreadable() =>
        Answer(StatusCodes.Status400BadRequest, new { applied = false, unreadable = true, reasons = new[] { localizer["Offline.Unreadable"].Value } });

    private static JsonResult Answer(int status, object body) => new(body) { StatusCode = status };
}
