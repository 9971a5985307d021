using System.ComponentModel.DataAnnotations;
using Qorgau.Domain.Intake;
using Qorgau.Domain.Security;
using Qorgau.Web.Features.Cases;

namespace Qorgau.Web.Features.Intake;

/// <summary>Limits of the public channel. Bound from <c>Intake</c>; the defaults are the production values.</summary>
public sealed class IntakeOptions
{
    public const string SectionName = "Intake";

    /// <summary>Argon2id memory for receipts, in KiB (docs/benchmarks.md: 512 MiB, 3 passes).</summary>
    [Range(8_192, 4_194_304)]
    public long ReceiptMemoryKiB { get; set; } = Receipt.Cost.MemoryKiB;

    [Range(1, 100)]
    public long ReceiptPasses { get; set; } = Receipt.Cost.Passes;

    public Argon2Cost ReceiptCost => new(ReceiptMemoryKiB, ReceiptPasses);

    /// <summary>How long a receipt session lasts, from opening it.</summary>
    [Range(1, 1_440)]
    public int ReceiptSessionMinutes { get; set; } = 30;

    /// <summary>Where the quick-exit control of the public pages leaves for: an ordinary site that says nothing about a complaint.</summary>
    [Url]
    public string QuickExitAddress { get; set; } = "https://www.google.com/";

    [Range(0, 100)]
    public int MaxAttachments { get; set; } = 5;

    /// <summary>Per file; 100 MiB lets a phone video through.</summary>
    [Range(1, 16L * 1024 * 1024 * 1024)]
    public long MaxAttachmentBytes { get; set; } = 100L * 1024 * 1024;

    public string[] AllowedAttachmentTypes { get; set; } =
    [
        "image/jpeg", "image/png", "image/gif", "image/webp", "image/heic", "image/heif",
        "application/pdf", "text/plain",
        "application/msword", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "audio/mpeg", "audio/mp4", "audio/ogg", "audio/wav", "audio/x-wav", "audio/webm", "audio/aac", "audio/amr",
        "video/mp4", "video/quicktime", "video/webm", "video/3gpp",
    ];

    /// <summary>Filing attempts (form and API) per client address per window.</summary>
    [Range(1, 1_000_000)]
    public int FilingsPerClient { get; set; } = 10;

    [Range(1, 10_080)]
    public int FilingWindowMinutes { get; set; } = 60;

    /// <summary>Filings across all clients per minute: a flood cannot queue hours of Argon2 work.</summary>
    [Range(1, 1_000_000)]
    public int FilingsPerMinute { get; set; } = 120;

    /// <summary>Receipt attempts per client address per window.</summary>
    [Range(1, 1_000_000)]
    public int ReceiptAttemptsPerClient { get; set; } = 10;

    [Range(1, 10_080)]
    public int ReceiptWindowMinutes { get; set; } = 15;

    /// <summary>Receipt attempts across all clients per minute.</summary>
    [Range(1, 1_000_000)]
    public int ReceiptAttemptsPerMinute { get; set; } = 60;

    /// <summary>Requests to the public statistics (pages, API, open data files) per client address per minute.</summary>
    [Range(1, 1_000_000)]
    public int StatisticsRequestsPerClient { get; set; } = 60;

    /// <summary>Largest JSON body the API accepts for a complaint or a message.</summary>
    [Range(1_024, 64L * 1024 * 1024)]
    public long MaxJsonBytes { get; set; } = 256 * 1024;

    /// <summary>Attack-period switch: filings must carry a proof of work, or (without JavaScript) a form opened long enough ago.</summary>
    public bool ProofOfWork { get; set; }

    /// <summary>Leading zero bits of SHA-256 a solution needs: 16 is about a second of a phone's browser.</summary>
    [Range(1, 32)]
    public int ProofOfWorkBits { get; set; } = 16;

    /// <summary>Without JavaScript, a form may be sent this long after it was opened.</summary>
    [Range(0, 3_600)]
    public int ProofOfWorkWaitSeconds { get; set; } = 20;

    public long MaxFormBytes => (MaxAttachments * MaxAttachmentBytes) + (1024 * 1024);

    /// <summary>The limits every attachment meets, from the public form, the API or staff.</summary>
    public AttachmentLimits Attachments => new(MaxAttachments, MaxAttachmentBytes, AllowedAttachmentTypes);
}
