namespace CloudjetGraph.Core.Seeding;

/// <summary>Name parts for realistic Vietnamese demo people.</summary>
internal static class VietnameseNames
{
    public static readonly string[] FamilyNames =
    [
        "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng",
        "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Trương", "Đinh", "Mai", "Lâm",
    ];

    public static readonly string[] MiddleNames =
    [
        "Văn", "Thị", "Minh", "Thanh", "Ngọc", "Đức", "Hữu", "Quang", "Thu", "Hoài",
        "Gia", "Bảo", "Anh", "Kim", "Xuân", "Tuấn", "Hồng", "Phương",
    ];

    public static readonly string[] GivenNames =
    [
        "An", "Bình", "Châu", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hiếu", "Hoa",
        "Hùng", "Hương", "Khánh", "Lan", "Linh", "Long", "Mai", "Nam", "Nga", "Nhung",
        "Phong", "Phúc", "Quân", "Sơn", "Tâm", "Thảo", "Trang", "Trung", "Tú", "Vy",
        "Yến", "Thắng", "Đạt", "Huy", "Khoa", "My", "Ngân", "Oanh", "Quyên", "Thư",
    ];

    public static readonly string[] Departments =
    [
        "Phòng Kinh doanh", "Phòng Nhân sự", "Phòng Kế toán", "Phòng Kỹ thuật",
        "Phòng Chăm sóc khách hàng", "Phòng Marketing", "Ban Giám đốc",
    ];

    public static readonly string[] JobTitles =
    [
        "Nhân viên", "Chuyên viên", "Trưởng nhóm", "Trưởng phòng", "Phó phòng", "Giám đốc", "Thực tập sinh",
    ];

    public static readonly string[] MobilePrefixes = ["090", "091", "093", "094", "096", "097", "098", "086", "088", "032", "035", "070", "077", "081"];
}
