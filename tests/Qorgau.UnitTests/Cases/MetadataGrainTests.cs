using Qorgau.Domain.Cases;
using Qorgau.Domain.Security;
using Case = Qorgau.Domain.Cases.Case;

namespace Qorgau.UnitTests.Cases;

public sealed class MetadataGrainTests
{
    [Theory]
    [InlineData(0L, 4096L)]
    [InlineData(1L, 4096L)]
    [InlineData(4096L, 4096L)]
    [InlineData(4097L, 4352L)]
    [InlineData(150_000L, 151_552L)]
    [InlineData(1_048_576L, 1_048_576L)]
    [InlineData(1_048_577L, 1_081_344L)]
    [InlineData(9_999_999L, 10_223_616L)]
    public void A_size_is_rounded_up_to_its_band(long length, long band) =>
        MetadataGrain.SizeBand(length).ShouldBe(band);

    [Fact]
    public void Every_band_holds_its_size_costs_at_most_twelve_percent_and_is_shared_by_many_sizes()
    {
        var random = new Random(13);
        for (var i = 0; i < 10_000; i++)
        {
            var length = (long)(Math.Pow(2, 12 + (random.NextDouble() * 23)) + random.Next(1000));
            var band = MetadataGrain.SizeBand(length);
            band.ShouldBeGreaterThanOrEqualTo(length);
            ((double)band / length).ShouldBeLessThanOrEqualTo(1.12, $"{length} → {band}");
            MetadataGrain.SizeBand(band).ShouldBe(band, "a band is its own band");
        }

        var distinct = Enumerable.Range(0, 4096).Select(k => MetadataGrain.SizeBand(1_000_000L + (k * 7))).Distinct().Count();
        distinct.ShouldBeLessThanOrEqualTo(2, "28 KB of different sizes around 1 MB fall into one or two bands");
    }

    [Fact]
    public void A_negative_size_is_refused() =>
        Should.Throw<ArgumentOutOfRangeException>(() => MetadataGrain.SizeBand(-1));

    [Theory]
    [InlineData("2026-03-15", "2026-03-14T19:00:00")]
    [InlineData("2023-06-01", "2023-05-31T18:00:00")]
    public void The_start_of_a_day_is_local_midnight_in_the_profile_zone(string day, string utc)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Almaty");

        var start = MetadataGrain.StartOfDayUtc(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), zone);

        start.ShouldBe(DateTime.Parse(utc, System.Globalization.CultureInfo.InvariantCulture));
        start.Kind.ShouldBe(DateTimeKind.Utc);
    }

    [Fact]
    public void The_particulars_open_only_with_their_case_key_and_case()
    {
        var key = Crypto.NewKey();
        var record = new Case { PublicId = "QG-TEST-0001" };
        var particulars = new CaseParticulars(new DateTime(2026, 12, 2, 14, 3, 27, 123, DateTimeKind.Utc), "kk", ReporterRelation.Relative, true, false);
        record.ParticularsCipher = particulars.Encrypt(key, record.Id);

        CaseParticulars.Of(record, key).ShouldBe(particulars);
        CaseParticulars.Of(record, key).KnowsInstant.ShouldBeTrue();
        Should.Throw<System.Security.Cryptography.CryptographicException>(() => CaseParticulars.Of(record, Crypto.NewKey()));
        var moved = new Case { PublicId = "QG-TEST-0002", ParticularsCipher = record.ParticularsCipher };
        Should.Throw<System.Security.Cryptography.CryptographicException>(() => CaseParticulars.Of(moved, key), "bound to its case id");
    }

    [Fact]
    public void A_case_stored_before_has_its_particulars_from_the_legacy_columns_without_an_instant()
    {
        var legacy = new Case { PublicId = "QG-TEST-0003", Language = "ru", ReporterRelation = ReporterRelation.Lawyer, VictimStillHeld = false, ContactAllowed = true };

        var particulars = CaseParticulars.Of(legacy, Crypto.NewKey());

        particulars.ShouldBe(new CaseParticulars(default, "ru", ReporterRelation.Lawyer, false, true));
        particulars.KnowsInstant.ShouldBeFalse();
    }

    [Fact]
    public void Attachment_details_are_bound_to_their_attachment_and_fall_back_to_the_legacy_length()
    {
        var key = Crypto.NewKey();
        var caseId = Guid.NewGuid();
        var id = Guid.NewGuid();
        var details = new AttachmentDetails(150_000, new DateTime(2026, 12, 2, 14, 3, 27, DateTimeKind.Utc));
        var attachment = new CaseAttachment { Id = id, CaseId = caseId, ContentType = "image/jpeg", FileNameCipher = [], BlobId = "x", SizeBand = 151_552, DetailsCipher = details.Encrypt(key, caseId, id) };
        var legacy = new CaseAttachment { CaseId = caseId, ContentType = "image/jpeg", FileNameCipher = [], BlobId = "y", SizeBand = 1234, Length = 1234 };

        AttachmentDetails.Of(attachment, key).ShouldBe(details);
        Should.Throw<System.Security.Cryptography.CryptographicException>(() => AttachmentDetails.Of(new CaseAttachment { CaseId = caseId, ContentType = "x", FileNameCipher = [], BlobId = "z", DetailsCipher = attachment.DetailsCipher }, key));
        AttachmentDetails.Of(legacy, key).ShouldBe(new AttachmentDetails(1234, default));
    }

    [Fact]
    public void Case_and_attachment_ids_are_random_not_time_ordered()
    {
        new Case { PublicId = "QG-TEST-0004" }.Id.Version.ShouldBe(4);
        new CaseAttachment { ContentType = "x", FileNameCipher = [], BlobId = "x" }.Id.Version.ShouldBe(4);
        new CaseDeadline { Code = "x" }.Id.Version.ShouldBe(4);
    }
}
