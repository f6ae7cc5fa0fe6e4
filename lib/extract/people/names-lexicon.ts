/**
 * Word lists that tell person names from the other capitalised words of news copy.
 * They are supporting evidence only: a run of capitalised words becomes a person when its
 * context says so (a title, "said", an appositive, an age), or when its shape does (a
 * common given name first, a Chinese surname with a pinyin given name). The lists are
 * general; no list holds the name of any particular person.
 * All sets hold lower-case words.
 */

const words = (text: string): Set<string> => new Set(text.trim().split(/\s+/));

/** Stripped from names and never part of one. */
export const HONORIFICS = words("mr mrs ms miss mx dr prof sir dame madam mme messrs");

/** Capitalised words that make a title before a name ("Attorney General Jeff Sessions"). */
export const TITLE_WORDS = words(`
  president presidents president-elect vice premier prime minister ministers secretary secretaries
  secretary-general undersecretary deputy assistant attorney attorneys general generals
  ambassador ambassadors envoy envoys director directors director-general administrator acting
  commissioner commissioners chair chairman chairwoman chairperson chief head spokesperson spokesman
  spokeswoman senator senators sen rep reps representative congressman congresswoman governor gov mayor
  judge judges justice prosecutor counselor councilor councillor leader king queen prince princess pope
  admiral adm colonel col lt lieutenant captain capt sergeant sgt officer agent special inspector
  superintendent sheriff chancellor professor dr lawmaker commander cmdr marshal consul diplomat czar tsar
  adviser advisor counsel magistrate delegate speaker senior principal state-councilor secretario
  secretaria presidente presidenta fiscal charge
  gen maj amb hon rev atty supt insp det cpl pvt brig nominee gobernador comisionado commissar lord lady chairs premiers
`);

/**
 * Lower-case role nouns: before a name ("spokesperson Lin Jian", "leader Xi Jinping") or at
 * the head of an appositive ("Liu Weidong, a scholar at ...").
 */
export const ROLE_NOUNS = words(`
  president vice-president premier minister secretary ambassador envoy director director-general
  administrator commissioner chair chairman chairwoman chairperson chief head spokesperson spokesman
  spokeswoman senator representative congressman congresswoman lawmaker legislator governor mayor judge
  justice prosecutor prosecutors attorney counsel lawyer official officials officer agent inspector adviser
  advisor aide deputy delegate diplomat czar tsar leader boss founder executive ceo manager owner partner
  expert scholar analyst researcher economist scientist chemist pharmacist professor lecturer student
  fellow specialist consultant strategist journalist reporter editor author writer activist doctor
  physician defendant suspect accused fugitive trafficker smuggler dealer broker kingpin businessman
  businesswoman entrepreneur national citizen resident victim mother father son daughter brother sister
  wife husband member commander general colonel captain sergeant lieutenant admiral negotiator
  counterpart counterparts colleague friend spokespeople chemist investigator investigators detective
  superintendent sheriff warden regulator chancellor premier vice-premier councilor councillor
  state-councilor head-of-state dictator monarch king queen prince princess cardinal bishop nominee
`);

/** Words that head or fill the name of an organisation, document or event: never part of a person's name. */
export const ORG_WORDS = words(`
  ministry ministries department departments agency agencies administration commission commissions
  committee committees council councils bureau bureaus bureaux board boards office offices service services
  court courts tribunal procuratorate secretariat directorate authority authorities embassy consulate
  government governments parliament congress senate assembly cabinet house party parties police navy army
  force forces guard guards military customs coast border corps command division unit section team task
  university college academy institute institution school center centre centers centres laboratory lab
  labs hospital clinic foundation association society federation union league alliance coalition network
  organization organisation organizations group groups company companies corporation corp co inc ltd llc
  limited holdings industries industry pharmaceutical pharmaceuticals chemical chemicals technology
  technologies trading enterprises bank fund trust exchange market markets cartel cartels gang gangs mafia
  times post news daily journal herald tribune gazette review magazine press media television radio
  channel report reports act acts law laws convention conventions treaty protocol regulation regulations
  rule rules order decree code list lists schedule table annex article articles program programme
  initiative strategy plan policy summit session conference forum meeting dialogue talks
  working statement declaration memorandum agreement deal accord framework index survey census
  national federal international global world united states republic people public security affairs
  justice health homeland human enforcement protection control narcotics narcotic drug drugs crime
  crimes prevention citizen foreign interior defense defence finance treasury commerce trade state
  economic social sciences science medical products emergency management investigation intelligence
  supreme intermediate high district provincial municipal central general information development
  reform regional local
`);

/** Places and geographic words that are never part of a person's name. */
export const PLACE_WORDS = words(`
  north south east west northern southern eastern western northeast northwest southeast southwest
  midwest northeastern central middle upper lower inner outer greater metro pacific atlantic arctic
  indian asia asian europe european africa african america americas latin oceania gulf sea ocean river
  lake bay coast island islands peninsula strait mount mountain valley province state states city county
  region district territory capital airport port harbor harbour palace square street avenue road
  boulevard bridge tower capitol plaza mainland kong hong macau macao taiwan tibet xinjiang
  guangdong fujian zhejiang jiangsu shandong hebei henan hubei hunan sichuan yunnan guangxi shanxi
  shaanxi anhui jiangxi liaoning jilin heilongjiang hainan guizhou gansu qinghai ningxia mongolia
  beijing shanghai tianjin chongqing guangzhou shenzhen wuhan fuzhou xiamen ningbo hangzhou nanjing
  chengdu xi'an busan gimhae geneva vienna brussels hague vancouver toronto montreal calgary ontario
  quebec alberta columbia tijuana sinaloa jalisco sonora chihuahua michoacan michoacán guanajuato
  culiacan culiacán juarez juárez california texas arizona florida ohio york jersey washington san
  carolina pennsylvania illinois massachusetts michigan akron chicago boston seattle angeles
  miami houston dallas phoenix atlanta detroit philadelphia baltimore denver
`);

/** Capitalised at a sentence start or in headlines, never a name. */
export const STOP_WORDS = words(`
  the a an this that these those there here it its it's he she they we i you his her their our your my
  him them us me who whom whose which what when where why how and or but nor so yet for of in on at by to
  from with without within into onto over under after before during since until while as if though
  although because despite however meanwhile still also both either neither each every all any some
  many much more most few several other another such no not only just even then thus therefore hence
  moreover furthermore instead otherwise indeed yes according based including following given amid among
  between against across along around about above below near through throughout per via upon toward
  towards last next first second third new old former latter recent current previous earlier later
  today tonight yesterday tomorrow now once twice one two three four five six seven eight nine ten
  updated read see watch photo video file editor note source sources breaking exclusive analysis opinion
  update related advertisement subscribe click share comment comments copyright image images caption
  chinese american mexican canadian indian british us u.s. un eu mr mrs ms dr
  father mother son daughter brother sister wife husband family
  officials authorities experts police prosecutors investigators analysts observers critics
  thorough tariff tariffs fentanyl precursor precursors chemical chemicals drug drugs opioid opioids
  deaths overdose overdoses seizure seizures arrest arrests trade talks war truce deal
`);

/** Full month names. Abbreviations ("Jun") are left out: they are also given names and, in a date, sit before a number anyway. */
export const MONTHS = words("january february march april may june july august september october november december");
export const WEEKDAYS = words("monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun");

/** Name particles: lower-case words that sit inside a name ("Santa Rosa de Lima", "van der Berg"). */
export const PARTICLES = words("de del della der den di da das do dos du la le les van von y bin ibn al el ben st");

/** Generational suffixes that end a name. */
export const SUFFIXES = words("jr sr ii iii iv");

/**
 * Verbs of speech and of a person's public acts. "NAME said", "said NAME" and "NAME met"
 * are evidence that NAME is a person (or, in quotes, the speaker).
 */
export const SPEECH_VERBS = words(`
  said says say told tells added adds noted notes stated announced announces explained explains wrote
  writes warned warns stressed stresses emphasized emphasised emphasizes emphasises highlighted
  highlights urged urges argued argues insisted insists acknowledged acknowledges confirmed confirms
  declined pledged pledges vowed vows expressed expresses concluded continued recalled asked asks replied
  replies responded remarked commented claimed claims denied denies agreed predicted believes believed
  testified admitted cautioned lamented observed reiterated suggested suggests declared declares
  stating saying adding noting explaining warning telling declaring asserting asserted affirmed
  announcing emphasizing emphasising stressing insisting arguing urging acknowledging confirming
  recalling
`);
export const ACTION_VERBS = words(`
  met meets visited visits signed signs spoke speaks pleaded threatened ordered led leads discussed
  traveled travelled arrived joined oversaw oversees reported reports issued tweeted posted
  welcomed praised criticized criticised called calls faces face
`);

/**
 * Common given names (English, Spanish, Portuguese, French, German, Italian, Indian, Arabic
 * and others as written in English-language news). Evidence, not proof: the name must
 * also pass the other tests.
 */
export const GIVEN_NAMES = words(`
  aaron abdul abdullah abraham adam adrian ahmed ahmad aisha alan alberto albert alejandro alex alexander
  alexandra alexis alfonso alfredo ali alice alicia alison amanda amber amit amy ana andrea andreas andres
  andrés andrew andy angela angelica anil anita ann anna anne annie anthony antonio arjun arnold arthur
  arturo ashley ashok barbara barry ben benjamin bernard beth betty bill billy bob bobby bonnie brad
  bradley brandon brenda brett brian bruce bryan carl carla carlos carmen carol caroline carolyn carrie
  catherine cesar césar charles charlie charlotte cheryl chris christian christina christine christopher
  chuck cindy claire clara claudia colin connie craig cristina cynthia dale dan daniel daniela danielle
  danny david dean deborah debra denise dennis derek diana diane diego dolores dominic don donald donna
  doris dorothy doug douglas dylan ed eddie edgar eduardo edward elena eli elizabeth ellen emily emma
  enrique eric erica erik ernesto esteban ethan eugene evelyn fatima felipe felix fernando francis
  francisco frank fred frederick gabriel gabriela gail gary george gerald gerardo gina glen glenn gloria
  gordon grace greg gregory guadalupe guillermo gustavo hannah harold harry heather hector héctor helen
  henry hugo ian ignacio irene isabel isaac jack jackie jacob jaime james jamie jane janet janice jason
  javier jay jean jeff jefferson jeffrey jennifer jenny jeremy jerome jerry jesse jessica jesús jesus jim
  jimmy joan joanne joaquin joaquín joe joel john johnny jon jonathan jorge jose josé joseph josh joshua
  juan juanita judith judy julia julian julie julio justin justice karen karl kate katherine kathleen
  kathryn kathy keith kelly ken kenneth kevin kim kimberly kyle larry laura lauren lawrence leonardo
  leslie linda lisa liz lorenzo lori louis lucas lucia lucy luis luisa luke lynn manuel marcela marco
  marcos margaret maria maría marie marilyn mario mark marta martha martin mary matthew maureen megan
  melissa michael michelle miguel mike miriam mohamed mohammad mohammed monica mónica nancy natalia
  natalie nathan neil nicholas nick nicole noah norma olga oliver olivia omar oscar óscar pablo pamela
  patricia patrick paul paula pedro peter philip phillip rachel rafael rahul raj rajesh ralph ramon ramón
  randy raul raúl ray raymond rebecca ricardo richard rick rita rob robert roberto robin rodrigo roger
  ron ronald rosa rose ruth ryan sally salvador sam samantha samuel sandra sanjay sara sarah scott sean
  sergio sharon shirley simon sofia sophia stephanie stephen steve steven sunil susan suresh tammy teresa
  terry theresa thomas tiffany tim timothy tina todd tom tony tracy travis valerie vanessa veronica
  vicente victor víctor victoria vijay vincent virginia walter wayne wendy william willie yolanda
  zachary hans jürgen klaus wolfgang stefan markus pierre jacques françois jean-pierre giovanni giuseppe
  vladimir sergei dmitry olga ivan hiroshi takeshi yuki kenji min-jun ji-hoon mohammed hassan hussein
  khalid omar yusuf ibrahim mustafa narendra rajiv priya deepak ravi vikram anand kumar nirmala
  marcelo ovidio daryl rocío adriana alma beatriz lorena ximena guadalupe santiago mateo emilio
`);

/** Common Chinese family names in pinyin (the hundred most frequent and a few more). */
export const CHINESE_SURNAMES = words(`
  wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he gao lin luo zheng liang xie song
  tang han feng deng cao peng zeng xiao tian dong yuan pan yu jiang cai jia ding wei xue ye yan lu du dai
  xia zhong tan fu shen qin shi jin cui qiu kong bai meng miao yao lei hou long duan hao shao qian wan qi
  mao gu yin xiong qiao kang xing fan gong mo lai tao ren chang niu xi yi ou zou su lv lü ni geng wen
  shang bao ruan zhan guan liao fang cheng zhuo zhai pang che mu an bi ji ning qu rao xin zuo
  hua tong lou ge ke jing xiang zhuang
`);

/**
 * Pinyin syllables: initial (optional) and final. A Chinese given name is one to three of
 * them ("Xiaohong" = xiao + hong), which tells "Wang Xiaohong" from "Hong Kong Airport".
 */
const PINYIN_SYLLABLE =
  "(?:(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])(?:iang|iong|uang|ueng|ang|eng|ing|ong|ian|iao|uai|uan|ai|ei|ao|ou|an|en|er|ia|ie|iu|in|ua|uo|ui|un|ue|ve|ü|a|o|e|i|u|v)|(?:ang|eng|ai|ei|ao|ou|an|en|er|a|o|e))";
const PINYIN_NAME = new RegExp(`^${PINYIN_SYLLABLE}{1,3}$`);

/** "Xiaohong", "Jinping", "Ing-wen" (hyphenated syllables), compared case-insensitively. */
export function isPinyinName(word: string): boolean {
  const w = word.toLowerCase().replace(/[-'\u2019\u2010\u2011]/g, "");
  return w.length >= 1 && w.length <= 12 && PINYIN_NAME.test(w);
}

/**
 * A word that reads as a chemical ("Methyl", "Glycidate", "Chloride", "Fentanyl"): never a
 * name part unless a title vouches for the person.
 */
export function looksChemical(word: string): boolean {
  return /(?:yl|ate|ide|amine|azine|anil|idine|idone|ol|ene|ane)$/i.test(word) && word.length >= 5 && !GIVEN_NAMES.has(word.toLowerCase());
}
