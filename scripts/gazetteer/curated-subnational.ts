import { names } from './names.js';

// Hand-written sub-national places: states, provinces, nations of the UK, counties, islands and the
// regions that make the news (Donbas, Tigray, Darfur...). Each is read as its country.

const US_STATES = names`
    Alabama | Alaska | Arizona | Arkansas | California | Colorado | Connecticut | Delaware
    Florida | Hawaii | Idaho | Illinois | Indiana | Iowa | Kansas | Kentucky | Louisiana | Maine
    Maryland | Massachusetts | Michigan | Minnesota | Mississippi | Missouri | Montana
    Nebraska | Nevada | New Hampshire | New Jersey | New Mexico | New York State
    North Carolina | North Dakota | Ohio | Oklahoma | Oregon | Pennsylvania | Rhode Island
    South Carolina | South Dakota | Tennessee | Texas | Utah | Vermont | Virginia
    West Virginia | Wisconsin | Wyoming | District of Columbia | Washington State
    Washington D.C. | Washington DC | Puerto Rico | Guam | New England | Midwest
    Silicon Valley | Appalachia | Capitol Hill | Manhattan | Brooklyn | Bronx | Queens
    Staten Island | Long Island | Hollywood | Beverly Hills | Malibu | Wall Street
    Times Square | Martha's Vineyard | Cape Cod | Hamptons | Yellowstone | Grand Canyon
    Las Vegas | Georgia Tech | University of Georgia | state of Georgia | Georgia state
    Atlanta, Georgia | Tex. | Calif. | Fla. | Mass. | Bay Area | Harvard | Yale | Princeton
    Ivy League | Broadway | Pacific Northwest
  `;

const GB_PLACES = names`
    Northern Ireland | Ulster | Cornwall | Devon | Dorset | Somerset | Wiltshire | Hampshire
    Surrey | Sussex | East Sussex | West Sussex | Kent | Essex | Suffolk | Norfolk
    Cambridgeshire | Hertfordshire | Bedfordshire | Buckinghamshire | Oxfordshire | Berkshire
    Gloucestershire | Worcestershire | Herefordshire | Shropshire | Staffordshire | Warwickshire
    Leicestershire | Northamptonshire | Nottinghamshire | Derbyshire | Lincolnshire | Yorkshire
    North Yorkshire | West Yorkshire | South Yorkshire | East Yorkshire | Lancashire | Cheshire
    Merseyside | Greater Manchester | Cumbria | Northumberland | County Durham | Tyneside
    Teesside | West Midlands | East Midlands | Midlands | Home Counties | Isle of Wight
    Isle of Man | Scottish Highlands | Highlands | Argyll | Fife | Aberdeenshire | Lanarkshire
    Ayrshire | Snowdonia | Pembrokeshire | Anglesey | Gwynedd | Lake District | Cotswolds
    Greater London | Chelsea | Westminster | Whitehall | Downing Street | Scotland Yard | Soho
    Mayfair | Kensington | Notting Hill | Hackney | Islington | Camden | Brixton | Croydon
    Wimbledon | Canary Wharf | Heathrow | Gatwick | Stansted | Buckingham Palace
    Windsor Castle | Balmoral | Sandringham | Holyrood | Old Trafford | Anfield
    Stamford Bridge | Wembley | Premier League | Football League | League One | League Two
    Scottish Premiership | NHS | House of Commons | House of Lords | Met Police
    Metropolitan Police | Oxford University | Cambridge University | Newcastle upon Tyne
    Stoke-on-Trent | Tottenham | Fulham | Everton | Aston Villa | West Ham | Crystal Palace
    Arsenal | Newcastle United | Manchester United | Manchester City | Leicester City
    Hull City | Swansea City | Cardiff City | Stoke City | Norwich City | Bristol City | Celtic
    Rangers | Glasgow Rangers | Queens Park Rangers
  `;

/** Sub-national places by country. */
export const SUBNATIONAL: Readonly<Record<string, readonly string[]>> = {
  US: US_STATES,
  GB: GB_PLACES,
  CA: names`
    Ontario | Quebec | British Columbia | Alberta | Manitoba | Saskatchewan | Nova Scotia
    New Brunswick | Newfoundland | Labrador | Prince Edward Island | Yukon | Nunavut
    Northwest Territories
  `,
  AU: names`
    New South Wales | Queensland | Victoria state | Tasmania | Western Australia
    South Australia | Northern Territory | Gold Coast | Great Barrier Reef | Outback
  `,
  UA: names`
    Donbas | Donbass | Crimea | Donetsk | Luhansk | Lugansk | Kharkiv | Kherson | Zaporizhzhia
    Kiev | Kyiv
  `,
  RU: names`Chechnya | Dagestan | Siberia | Kremlin | Kaliningrad | Tatarstan | Ingushetia | Sochi`,
  BA: names`Republika Srpska | Srpska | Sarajevo | Banja Luka | Srebrenica | Mostar`,
  XK: names`Pristina | Prishtina | Mitrovica | Banjska | Zvecan | Gracanica`,
  RS: names`Belgrade | Vojvodina | Novi Sad`,
  ET: names`Tigray | Amhara | Oromia | Ogaden | Addis Ababa`,
  SD: names`Darfur | Kordofan | Blue Nile | Khartoum | Omdurman`,
  SS: names`Juba`,
  IQ: names`
    Iraqi Kurdistan | Kurdistan Region | Erbil | Mosul | Fallujah | Ramadi | Basra | Tikrit
    Kirkuk
  `,
  AZ: names`Nagorno-Karabakh | Nagorno Karabakh | Karabakh | Baku`,
  PS: names`Ramallah | Gaza City | Rafah | Khan Younis | Hebron | Jenin | Nablus | Bethlehem`,
  IL: names`Tel Aviv | Jerusalem | Golan Heights | Negev | Knesset | Haifa`,
  SY: names`Aleppo | Idlib | Raqqa | Homs | Deir ez-Zor | Damascus | Kobani`,
  GE: names`Abkhazia | South Ossetia | Tbilisi`,
  MD: names`Transnistria`,
  CN: names`Xinjiang | Tibet | Guangdong | Sichuan | Yunnan | Hubei | Wuhan | Inner Mongolia | Shenzhen`,
  IN: names`
    Kashmir | Jammu and Kashmir | Punjab state | Uttar Pradesh | Maharashtra | Kerala
    Tamil Nadu | Gujarat | Rajasthan | Bihar | West Bengal | Karnataka | Assam | Manipur | Goa
    New Delhi | Bollywood
  `,
  PK: names`Khyber Pakhtunkhwa | Balochistan | Waziristan | North Waziristan | Sindh | Peshawar`,
  AF: names`Helmand | Kandahar | Kunduz | Herat | Kabul | Nangarhar`,
  YE: ['Sanaa', "Sana'a", 'Aden', 'Hodeidah'],
  LY: names`Benghazi | Tripoli | Misrata | Sirte`,
  ML: names`Timbuktu | Gao | Kidal | Bamako`,
  NG: names`Niger Delta | Borno | Maiduguri | Lagos | Abuja | Kano`,
  MX: names`
    Baja California | Chihuahua | Sinaloa | Jalisco | Michoacan | Yucatan | Cancun | Tijuana
    Ciudad Juarez | Oaxaca
  `,
  ES: names`
    Catalonia | Basque Country | Andalusia | Canary Islands | Canaries | Tenerife | Lanzarote
    Gran Canaria | Majorca | Mallorca | Ibiza | Menorca | Costa del Sol | Costa Brava | Aragon
    Galicia
  `,
  FR: names`
    Corsica | Brittany | Normandy | Provence | Riviera | French Riviera | Cote d'Azur | Alsace
    Champagne region | St Tropez | Saint-Tropez | Elysee | Elysee Palace | Calais
    Tour de France
  `,
  IT: names`Sicily | Sardinia | Tuscany | Lombardy | Lampedusa | Capri | Amalfi Coast | Vatican`,
  DE: names`Bavaria | Saxony | Bundestag | Bundesliga | Cologne | Nuremberg`,
  GR: names`Crete | Lesbos | Rhodes | Corfu | Mykonos | Santorini`,
  PT: names`Madeira | Azores | Algarve`,
  BR: names`Amazonas | Sao Paulo | Copacabana`,
  ID: names`Bali | Java | Sumatra | Aceh | Papua | Borneo | Jakarta | Sulawesi`,
  MY: names`Sabah | Sarawak | Kuala Lumpur`,
  PH: names`Mindanao | Luzon | Manila`,
  MM: names`Rakhine | Shan State | Kachin | Rangoon | Yangon | Naypyidaw`,
  TH: names`Phuket | Pattaya | Chiang Mai | Koh Samui`,
  KR: names`Seoul`,
  KP: names`Pyongyang | Yongbyon`,
  JP: names`Okinawa | Hokkaido | Fukushima | Honshu | Kyushu`,
  SO: names`Somaliland | Puntland | Mogadishu`,
  MA: names`Rabat | Casablanca | Marrakech | Marrakesh`,
  EG: names`Sinai | Sinai Peninsula | Sharm el-Sheikh | Cairo | Tahrir Square | Luxor`,
  SA: names`Riyadh | Jeddah | Mecca | Medina`,
  IR: names`Tehran | Teheran`,
  TR: names`Istanbul | Ankara | Anatolia | Antalya`,
  CH: names`Geneva | Davos | Lausanne`,
  BE: names`Flanders | Wallonia`,
  AQ: names`South Pole | Ross Sea`,
  DK: names`Faroe Islands`,
  NO: names`Svalbard`,
  CL: names`Patagonia | Santiago`,
  ZA: names`Soweto | Cape Town | Johannesburg | Durban | KwaZulu-Natal`,
};
