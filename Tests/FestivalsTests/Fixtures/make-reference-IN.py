import holidays, csv, sys
from holidays.calendars.hindu import _HinduLunisolar
from holidays.countries.india import IndiaIslamicHolidays
from holidays.countries.malaysia import MalaysiaHinduHolidays, MalaysiaBuddhistHolidays, MalaysiaIslamicHolidays
h = _HinduLunisolar()
ver = holidays.__version__
m = {
 'diwali':'DIWALI_INDIA','naraka_chaturdashi':'NARAKA_CHATURDASHI','govardhan_puja':'GOVARDHAN_PUJA',
 'chhath_puja':'CHHATH_PUJA','holi':'HOLI','maha_shivaratri':'MAHA_SHIVARATRI','ram_navami':'RAM_NAVAMI',
 'gudi_padwa':'GUDI_PADWA','mahavir_jayanti':'MAHAVIR_JAYANTI','vaisakhi':'VAISAKHI','puthandu':'PUTHANDU',
 'vishu':'VISHU','pohela_boishakh':'POHELA_BOISHAKH','makar_sankranti':'MAKAR_SANKRANTI','pongal':'PONGAL',
 'basant_panchami':'BASANT_PANCHAMI','raksha_bandhan':'RAKSHA_BANDHAN','janmashtami':'JANMASHTAMI',
 'ganesh_chaturthi':'GANESH_CHATURTHI','onam':'ONAM','navratri':'SHARAD_NAVRATRI','durga_puja':'MAHA_ASHTAMI',
 'maha_navami':'MAHA_NAVAMI','dussehra':'DUSSEHRA','karwa_chauth':'KARWA_CHAUTH','kali_puja':'KALI_PUJA',
 'guru_nanak_jayanti':'GURU_NANAK_JAYANTI','guru_gobind_singh_jayanti':'GURU_GOBIND_SINGH_JAYANTI',
 'buddha_purnima':'BUDDHA_PURNIMA','rath_yatra':'RATH_YATRA','bathukamma':'BATHUKAMMA',
 'hanuman_jayanti':'HANUMAN_JAYANTI','guru_purnima':'GURU_PURNIMA','chaitra_navratri':'CHAITRA_NAVRATRI',
 'naag_panchami':'NAAG_PANCHAMI','parshuram_jayanti':'PARSHURAM_JAYANTI','vikram_samvat':'VIKRAM_SAMVAT_NEW_YEAR',
}
w = csv.writer(sys.stdout, lineterminator='\n')
w.writerow(['country','festival','year','date','source'])
for fid, attr in m.items():
    d = getattr(h, attr+'_DATES')
    for y in sorted(d):
        v = d[y]
        vs = v if isinstance(v[0], tuple) else [v]
        for (mo, da) in vs:
            w.writerow(['IN', fid, y, f'{y:04d}-{mo:02d}-{da:02d}', f'python holidays {ver} hindu.py {attr}_DATES'])
