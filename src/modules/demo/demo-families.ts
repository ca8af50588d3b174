/**
 * A few hundred realistic households for the demo, in the villages of the demo offices:
 * Sundanese names around Bandung, Javanese names in Yogyakarta. Deterministic, so the demo
 * is the same every time. Lines in the DTKS import layout.
 */
const SUNDA = {
  men: ['Asep', 'Cecep', 'Dadang', 'Ujang', 'Ade', 'Dede', 'Iwan', 'Ajat', 'Engkus', 'Jajang', 'Nana', 'Ohim', 'Tatang', 'Yayat', 'Endang'],
  women: ['Euis', 'Neng', 'Iis', 'Imas', 'Cucu', 'Enok', 'Eti', 'Lilis', 'Nining', 'Popon', 'Titin', 'Yuyun', 'Elis', 'Ai', 'Entin'],
  family: ['Sunandar', 'Suparman', 'Hidayat', 'Permana', 'Kusnadi', 'Rukmana', 'Suryana', 'Komara', 'Gunawan', 'Sutisna'],
};
const JAWA = {
  men: [
    'Slamet',
    'Sugeng',
    'Bambang',
    'Joko',
    'Wahyu',
    'Agus',
    'Heru',
    'Purnomo',
    'Sutrisno',
    'Tukiman',
    'Warsito',
    'Yanto',
    'Darmaji',
    'Gunadi',
    'Paijo',
  ],
  women: [
    'Sri',
    'Tri',
    'Endang',
    'Sumiyati',
    'Wartini',
    'Suharti',
    'Tumini',
    'Lestari',
    'Rahayu',
    'Ngatini',
    'Sulastri',
    'Parmi',
    'Wulan',
    'Ratna',
    'Siti',
  ],
  family: ['Santoso', 'Wibowo', 'Nugroho', 'Prasetyo', 'Susanto', 'Hartono', 'Wijayanto', 'Purwanto', 'Setiadi', 'Kuncoro'],
};

const pad = (n: number, width: number) => String(n).padStart(width, '0');

export function demoFamilyLines(villages: { code: string; name: string }[], households: number, seed = 7): string[] {
  let state = seed;
  const random = (n: number) => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return Math.floor(state / 65_536) % n; // the high bits: an LCG’s low bits repeat quickly
  };
  const lines = ['no_kk,nik,nama,jenis_kelamin,tempat_lahir,tanggal_lahir,hubungan_keluarga,alamat,rt,rw,kode_desa,desil'];
  const serials = new Map<string, number>();
  const nik = (district: string, birth: Date, female: boolean) => {
    const key = `${district}${pad(birth.getUTCDate() + (female ? 40 : 0), 2)}${pad(birth.getUTCMonth() + 1, 2)}${pad(birth.getUTCFullYear() % 100, 2)}`;
    const serial = (serials.get(key) ?? 0) + 1;
    serials.set(key, serial);
    return `${key}${pad(serial, 4)}`;
  };
  for (let h = 0; h < households; h++) {
    const village = villages[h % villages.length] as { code: string; name: string };
    const district = village.code.replace(/\./g, '').slice(0, 6);
    const names = village.code.startsWith('34') ? JAWA : SUNDA;
    const family = names.family[random(names.family.length)] as string;
    const kk = `${district}${pad((h % 28) + 1, 2)}${pad((h % 12) + 1, 2)}${pad(10 + (h % 15), 2)}${pad(h + 1, 4)}`;
    const rt = pad(1 + random(12), 3);
    const rw = pad(1 + random(6), 3);
    const decile = String(1 + random(4));
    const address = `Jl. ${village.name} No. ${1 + random(120)}`;
    const headBirth = new Date(Date.UTC(1955 + random(35), random(12), 1 + random(28)));
    const members: { female: boolean; birth: Date; relation: string; first: string }[] = [
      { female: false, birth: headBirth, relation: 'KEPALA KELUARGA', first: names.men[random(names.men.length)] as string },
    ];
    if (random(10) > 1)
      members.push({
        female: true,
        birth: new Date(Date.UTC(headBirth.getUTCFullYear() + random(6), random(12), 1 + random(28))),
        relation: 'ISTRI',
        first: names.women[random(names.women.length)] as string,
      });
    const children = random(4);
    for (let c = 0; c < children; c++) {
      const female = random(2) === 0;
      members.push({
        female,
        birth: new Date(Date.UTC(Math.min(2024, headBirth.getUTCFullYear() + 20 + random(15)), random(12), 1 + random(28))),
        relation: 'ANAK',
        first: (female ? names.women : names.men)[random(15)] as string,
      });
    }
    for (const m of members) {
      const date = `${pad(m.birth.getUTCDate(), 2)}-${pad(m.birth.getUTCMonth() + 1, 2)}-${m.birth.getUTCFullYear()}`;
      lines.push(
        [
          kk,
          nik(district, m.birth, m.female),
          `${m.first} ${family}`,
          m.female ? 'P' : 'L',
          village.name,
          date,
          m.relation,
          address,
          rt,
          rw,
          village.code,
          decile,
        ].join(','),
      );
    }
  }
  return lines;
}
