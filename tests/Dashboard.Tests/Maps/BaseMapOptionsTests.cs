using Dashboard.Maps;

namespace Dashboard.Tests.Maps;

/// <summary>A base map that cannot work, or would draw every point off, is refused with the setting to change.</summary>
public sealed class BaseMapOptionsTests
{
    private const string Tianditu = "https://t{s}.tianditu.gov.cn/vec_w/wmts?SERVICE=WMTS&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk={tk}";
    private const string Amap = "https://webrd0{s}.is.autonavi.com/appmaptile?lang=zh_cn&style=8&x={x}&y={y}&z={z}";

    [Fact]
    public void Problem_Default_NoneAndNoTiles()
    {
        // Arrange
        var options = new BaseMapOptions();

        // Act
        var problem = options.Problem();

        // Assert
        Assert.Null(problem);
        Assert.False(options.ShiftsToGcj02);
    }

    [Theory]
    [InlineData(Tianditu, "key", "CGCS2000", false)]
    [InlineData(Tianditu, "key", "WGS84", false)]
    [InlineData(Amap, null, "GCJ02", true)]
    [InlineData("/tiles/{z}/{x}/{y}.png", null, "wgs84", false)]
    public void Problem_UsableSource_NoneAndShiftOnlyForGcj02(string url, string? key, string system, bool shifts)
    {
        // Arrange
        var options = new BaseMapOptions { TileUrl = url, TiandituKey = key, CoordinateSystem = system };

        // Act
        var problem = options.Problem();

        // Assert
        Assert.Null(problem);
        Assert.Equal(shifts, options.ShiftsToGcj02);
        Assert.Equal(shifts ? "GCJ02" : "WGS84", options.DataAttributes()["data-crs"]);
    }

    [Theory]
    [InlineData(Tianditu, null, "CGCS2000", "TiandituKey is empty")]
    [InlineData(Tianditu, "key", "GCJ02", "CGCS2000, not GCJ02")]
    [InlineData(Amap, null, "WGS84", "set Dashboard:Map:CoordinateSystem to GCJ02")]
    [InlineData("https://tiles.example.org/tile.png", null, "WGS84", "must contain {z}, {x} and {y}")]
    [InlineData("ftp://tiles.example.org/{z}/{x}/{y}.png", null, "WGS84", "must be an http(s) address")]
    [InlineData(null, null, "BD09", "CoordinateSystem must be WGS84, CGCS2000 or GCJ02")]
    public void Problem_UnusableSource_NamesTheSettingToChange(string? url, string? key, string system, string expected)
    {
        // Arrange
        var options = new BaseMapOptions { TileUrl = url, TiandituKey = key, CoordinateSystem = system };

        // Act
        var problem = options.Problem();

        // Assert
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }
}
