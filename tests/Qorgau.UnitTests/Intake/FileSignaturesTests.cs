using System.Text;
using Qorgau.Domain.Intake;

namespace Qorgau.UnitTests.Intake;

public sealed class FileSignaturesTests
{
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 0x4A, 0x46];
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] Program = [0x4D, 0x5A, 0x90, 0x00];
    private static readonly byte[] Mp4 = [0, 0, 0, 0x18, .. "ftypisom"u8.ToArray()];

    [Theory]
    [InlineData("photo.jpg", "image/jpeg")]
    [InlineData("IMG_0001.JPEG", "image/jpeg")]
    [InlineData("no-extension", "image/jpeg")]
    public void A_photo_that_starts_like_one_agrees(string name, string type) =>
        FileSignatures.Agree(name, type, Jpeg).ShouldBeTrue();

    [Theory]
    [InlineData("photo.jpg", "image/jpeg")]
    [InlineData("photo.png", "image/png")]
    [InlineData("scan.pdf", "application/pdf")]
    [InlineData("video.mp4", "video/mp4")]
    public void A_program_named_and_declared_as_something_else_does_not(string name, string type) =>
        FileSignatures.Agree(name, type, Program).ShouldBeFalse();

    [Fact]
    public void The_bytes_must_agree_with_the_declared_type_and_the_extension_both()
    {
        FileSignatures.Agree("photo.png", "image/jpeg", Jpeg).ShouldBeFalse("a .png that is a JPEG");
        FileSignatures.Agree("photo.jpg", "image/png", Png).ShouldBeFalse("declared PNG, named .jpg");
        FileSignatures.Agree("photo.exe", "image/jpeg", Jpeg).ShouldBeFalse("an allowed type under a name of no allowed type");
    }

    [Fact]
    public void Phone_videos_are_judged_by_their_container()
    {
        FileSignatures.Agree("clip.mov", "video/quicktime", Mp4).ShouldBeTrue();
        FileSignatures.Agree("clip.3gp", "video/3gpp", Mp4).ShouldBeTrue();
        FileSignatures.Agree("voice.m4a", "audio/mp4", Mp4).ShouldBeTrue();
        FileSignatures.Agree("clip.mp4", "video/mp4", Mp4).ShouldBeTrue();
    }

    [Fact]
    public void Text_is_text()
    {
        FileSignatures.Agree("note.txt", "text/plain", Encoding.UTF8.GetBytes("Медицинская справка\r\n")).ShouldBeTrue();
        FileSignatures.Agree("note.txt", "text/plain", Program).ShouldBeFalse();
        FileSignatures.Agree("empty.txt", "text/plain", []).ShouldBeTrue();
    }

    [Fact]
    public void Unknown_formats_are_judged_by_a_known_extension_only()
    {
        FileSignatures.Agree("camera-4.dav", "application/octet-stream", Program).ShouldBeTrue("evidence may be any format");
        FileSignatures.Agree("camera-4.jpg", "application/octet-stream", Program).ShouldBeFalse("but not a .jpg that is not one");
    }
}
