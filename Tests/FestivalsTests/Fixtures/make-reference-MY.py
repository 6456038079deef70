import holidays, csv, sys
ver=holidays.__version__
w=csv.writer(sys.stdout, lineterminator='\n'); w.writerow(['country','festival','year','date','source'])
names={'Chinese New Year':'chinese_new_year','Eid al-Fitr':'hari_raya_aidilfitri','Eid al-Adha':'hari_raya_haji','Diwali':'deepavali','Thaipusam':'thaipusam','Vesak Day':'wesak'}
for y in range(2001,2028):
    hs=holidays.Malaysia(years=y, subdiv='14', islamic_show_estimated=False) if 'islamic_show_estimated' in holidays.Malaysia.__init__.__code__.co_varnames else holidays.Malaysia(years=y, subdiv='14')
    for dt,name in sorted(hs.items()):
        for n in name.split('; '):
            if n in names:
                w.writerow(['MY',names[n],y,dt.isoformat(),f'python holidays {ver} Malaysia(subdiv="14") "{n}"'])
