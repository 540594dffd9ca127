package train

// newsNegative and newsPositive extend the tone classes with the everyday
// vocabulary of crisis reporting: hardship and scarcity, violence and
// displacement, obstruction and failure on one side; reopening, recovery,
// reunion and celebration on the other. A quote about blackouts or a
// reopened bakery carries its tone in words no training statement may use.
// Words whose tone depends on the sentence ("strike", "fire", "pressure")
// are left out.
const (
	newsNegative = `blackout blackouts outage outages rationing rationed queues queue queuing
	scarce scarcity scarcer dearth unaffordable expensive pricier prices soaring
	soared skyrocketing skyrocketed spiralling spiraling hyperinflation
	devaluation devalued plummeted plummeting plummet plunged plunging slump
	slumped slumping stagnation stagnant destitute destitution impoverished
	impoverishment penniless penury bankrupt bankruptcy bankruptcies bankrupted
	insolvent insolvency indebted indebtedness arrears evicted eviction
	evictions evict homelessness hungry malnourished malnutrition emaciated
	starved starve starves thirst thirsty dehydrated dehydration drought
	droughts parched squalid squalor overcrowded unheated shivering cholera
	epidemic outbreak outbreaks disease diseases infected infection infections
	typhoid measles dysentery contaminated contamination polluted pollution
	sewage stench filthy filth rats lice unpaid unemployed jobless joblessness
	layoffs shuttered begging beggars scavenging scavenge stranded trapped
	besieged siege sieges encircled encirclement blockade blockaded blockades
	shelled shells bombarded bombardment bombardments bombarding airstrike
	airstrikes shootings gunfire gunmen gunman sniper snipers ambush ambushed
	ambushes assassinated assassination assassinations murdered murder murders
	murderer murderers murderous murdering slain stabbed stabbing stabbings
	beheaded beheading lynched lynching mutilated mutilation massacred massacres
	slaughtering butchered butchery carnage bloodbath gruesome grisly charred
	burned burnt torched razed demolished demolition demolitions obliterated
	pulverised pulverized devastation wrecked wreckage debris crushed maimed
	maiming amputated amputation amputations shrapnel landmine landmines
	unexploded explosion explosions exploded blast blasts kidnapped kidnapping
	kidnappings kidnappers kidnap abducted abduction abductions hostage hostages
	captivity ransom ransoms extorted extorting extort looters loot pillaged
	pillage pillaging plundered plunder plundering ransacked vandalised
	vandalized vandalism arson arsonists robbed robbery robberies burglary
	thieves thief mugged expelled expulsion expulsions deported deportation
	deportations uprooted fled fleeing flee refugee displacement exiled orphaned
	orphan widowed widows bereaved bereavement fearful fears feared fearing
	frightened frightening fright dread dreaded dreading terrifying terrorised
	terrorized terrorise terrorising intimidated intimidation intimidate
	intimidating harassed harassment harass harassing anxious anxiety worry
	worrying worries worrisome nervous uneasy unease insecure insecurity
	uncertainty jittery distressed distress distressing traumatic traumatised
	petrified panicking blamed blames blaming accuse accused accuses accusing
	accusation accusations culprit culprits guilty outraged outrages enraged
	infuriated infuriating livid indignant indignation resent resentment
	resentful bitter bitterness grievance grievances grudge angered angrily
	denounce denounced denounces denouncing denunciation condemnation condemning
	deplore deplored lament lamented lamenting decry decried slammed rebuke
	rebuked reprimand reprimanded scolded chastised castigated lambasted berated
	criticised criticized criticism criticisms criticise criticize criticizing
	criticising failures fails flawed botched bungled bungling blunder blunders
	fiasco debacle shambles mismanagement mishandled incompetence negligence
	negligent neglected neglect abandoned abandonment ineffective inept
	inadequate insufficient unsuccessful stalled stalemate deadlock deadlocked
	impasse gridlock paralysis paralysed paralyzed dysfunction dysfunctional
	defeat defeated losing losses setback setbacks worsening worsen worsened
	worsens deteriorate deteriorated deteriorating deterioration downturn
	slowdown shrinking crumbling crumbled disintegrating fragile precarious
	perilous peril deadly deadliest lethal fatal fatally fatalities hazardous
	unsafe unstable instability volatility risky threatens threats menacing
	ominous vulnerable contempt contemptuous disdain scorn scornful mocked
	mocking mockery ridicule ridiculed snub snubbed snubbing sneer arrogance
	insolent disrespect disrespectful disrespected degrading demeaning
	humiliated humiliate insulted insults slur slurs vile despicable abhorrent
	odious repugnant repulsive reprehensible heinous contemptible stupid idiotic
	foolish foolishness folly rubbish lunacy madness insane stonewalling
	stonewalled stonewall obstruct obstructed obstructing obstruction
	obstructionist sabotage sabotaged sabotaging undermine undermined
	undermining undermines derail derailed derailing backtrack backtracked
	backtracking reneged renege betray betrays betraying treacherous treachery
	duplicity deceit deceitful deception deceptive deceived dishonest
	disingenuous propaganda disinformation misinformation fabricated fabrication
	falsehood falsehoods hoax manipulation manipulated manipulative bullying
	bully bullied coercion coerced coercive blackmailed meddling interference
	interfering provocations provoked provoking hostility antagonism tensions
	rift rifts feud feuding quarrel clash clashes clashed confrontation
	confrontational ultimatum ultimatums annexation annexed crackdown crackdowns
	repression repressive repressed authoritarian autocratic autocrat despot
	dictatorship totalitarian censorship censored silenced muzzled persecuted
	rigged fraud fraudulent bribery bribe bribes bribed embezzlement embezzled
	kickbacks graft cronyism nepotism unconstitutional coup coups putsch
	insurrection riot riots rioting rioters unrest turmoil upheaval mayhem
	anarchy lawlessness lawless violent violence violently recessions default
	defaulted inflationary austerity closures foreclosure foreclosures crash
	crashed crashing selloff stagflation worthless shortfall shortfalls overdue
	repossessed exorbitant extortionate overpriced costly poor poorer poorest
	injury wounds bleed epidemics pandemic flood floods flooded flooding
	earthquake wildfire wildfires drowned drowning suffocated suffocating died
	dying dies die perished perish lifeless corpse grave graves sorrow sorrowful
	heartbroken heartbreaking heartbreak tearful tears weeping wept crying
	mourned mourners grieving grieve lonely loneliness desperation desperately
	hopelessness helplessness powerless exhaustion fatigue disillusioned
	disillusionment disheartened discouraged demoralised demoralized dejected
	depressed depression gloom upset upsetting unhappy displeased displeasure
	dissatisfied dissatisfaction discontent disgruntled annoyed annoying
	irritated agitated distraught stressful tormented torment agonising
	agonizing excruciating harrowing horrendous dreadful awful atrocious abysmal
	disastrous calamity calamitous ruinous catastrophically devastate tragically
	unfortunate unfortunately sadness saddened kill kills wounding injuring
	injure injures hypocrites hypocrite cowardice traitor traitors treason
	criminality thuggish barbarism barbarity barbarians savagery brutally
	cruelly mercilessly merciless heartless callous callousness cynicism bigotry
	racism racist xenophobia xenophobic discrimination discriminatory extremist
	extremists extremism fanatics fanatical irresponsibility recklessness
	recklessly culpable complicit complicity meltdown lack lacking lacks
	depleted depletion dwindling dwindled refusal intransigence intransigent
	obstinate stubbornness belligerent belligerence warmonger warmongers
	warmongering bellicose inflammatory incendiary sanctimonious patronising
	patronizing condescending distortion distorted slander slanderous defamation
	smear smears libel baseless unfounded groundless spurious bogus false
	falsely farcical charade travesty`
	newsPositive = `reopened reopen reopening reopens restored restore restoring restoration
	restores harvest harvests bumper abundant abundance plentiful reconciliation
	reconcile reconciled reconciling reconciles rapprochement detente hopefully
	optimism upbeat buoyant buoyed inspiring inspired inspiration inspirational
	uplifting heartwarming reassurance commendable praiseworthy laudable
	applause acclaim acclaimed hailed lauded laud saluted appreciative
	appreciates appreciating thankfully gratefully blessings bless succeeded
	succeed succeeds successes successfully succeeding accomplished
	accomplishment accomplishments accomplish achievements achieving achieves
	victorious victories triumphs triumphed winning winner winners wins
	excellence excel excelled excels thrived thrives flourishing flourished
	flourishes prospering prosper prospered prospers breakthroughs milestones
	recovering recovers rebound rebounded rebounding rebounds revival revived
	revive reviving revives revitalised revitalized revitalisation
	revitalization rejuvenated renewal rebuilt rebuilds reconstruction repaired
	repairs repairing upturn upswing healed heals cured cure cures vaccinated
	vaccination vaccinations immunised immunized safely safer safest secured
	unharmed unhurt uninjured alive rescuers rescues rescuing lifesaving reunite
	reuniting reunites reunions homecoming embraced embrace hug hugged hugs
	embracing celebrations celebrating celebrates celebratory festivities
	festive festival festivals feast feasting wedding weddings carnival jubilant
	jubilation cheering cheered cheers rejoice rejoiced rejoicing rejoices
	ecstatic elated euphoric euphoria overjoyed thrilled delightful joyful
	joyous joyously merry fireworks dancing singing laughter laughing laughed
	smiles smiled graduated graduation newborn births birthday married
	blossoming blossomed blossom bustling lively vibrant affordable cheaper
	affordability restocked replenished replenish donated donations donors
	donate volunteers volunteered volunteering charity charitable philanthropy
	consensus harmonious harmony goodwill amicable amicably cordially friendlier
	trusted trustworthy sincere sincerely genuine honest honesty integrity
	transparency transparent equitable inclusive momentous pragmatic sensible
	reasonable wise wisdom prudent statesmanlike visionary booming surplus
	profitable lucrative hiring stabilised stabilized stabilising stabilizing
	stabilization stabilisation stability upgraded modernised modernized
	modernisation modernization helped helping nurtured caring compassion
	compassionate empathy sympathetic mercy merciful forgive forgiveness
	forgiven peacefully marvellous marvelous splendid fabulous lovely nice
	delicious perfect perfectly ideal awesome exceptional favourable favorable
	advantageous worthwhile valuable invaluable meaningful useful rewarding
	fulfilling gratifying soothing tranquil tranquility serene cozy cosy
	hospitable hospitality kindly gentle loving lovingly beloved cherish
	cherished treasured precious dignified noble heroic hero heroes heroism
	bravely bravery valiant fearless steadfast persevered perseverance tenacity
	improves enhanced benefited benefits benefiting empowered empowering
	empowerment uplift uplifted resolved solved fortunate luckily lucky
	wellbeing happiness cheerfully consolation solace normality normalcy
	togetherness camaraderie cohesion liberated liberation freeing thanking
	thanked praises praising applauds applauding commends commending
	congratulated congratulating congratulatory pleasing pleases satisfies
	delights admired admiration admires admiring comeback recuperated
	recuperating recuperate replanted replanting rehoused rehabilitated
	rehabilitation renovated renovation refurbished fertile bountiful richer
	boosting boosts improvements sunshine pleasantly gladly happily happier
	happiest joyfully proudly pride honouring honoring warmth warmest heartfelt
	kindest kindhearted gratefulness helpers selfless selflessly heroine
	heroines medal medals award awarded awards prize honours accolade relaxed
	relaxing calming calmed soothed reassure reassures encourage encourages
	encouragement inspire inspires motivated energised energized vibrancy
	renaissance reborn saviour savior supportive collaborative agreeable fond
	fondly affection affectionate admirably brilliantly wonderfully beautifully
	gracious graciously bonanza windfall jackpot`
)
