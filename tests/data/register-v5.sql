-- A register of schema version 5 (twinning at d0e7545): the seed, with 'Ville de Pau' renamed 'Pau'.
PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE IF NOT EXISTS "kinds" (
   "slug" TEXT PRIMARY KEY,
   "label" TEXT
);
INSERT INTO kinds VALUES('twinning','Jumelage');
INSERT INTO kinds VALUES('partnership-agreement','Convention de partenariat');
INSERT INTO kinds VALUES('cooperation-protocol','Protocole de coopération');
INSERT INTO kinds VALUES('joint-declaration','Déclaration commune');
INSERT INTO kinds VALUES('reciprocity-contract','Contrat de réciprocité');
INSERT INTO kinds VALUES('roadmap','Feuille de route');
CREATE TABLE IF NOT EXISTS "statuses" (
   "slug" TEXT PRIMARY KEY,
   "label" TEXT
);
INSERT INTO statuses VALUES('exploratory','Exploratoire');
INSERT INTO statuses VALUES('proposed','Proposé');
INSERT INTO statuses VALUES('signed','Signé');
INSERT INTO statuses VALUES('ended','Terminé');
CREATE TABLE IF NOT EXISTS "domain_labels" (
   "slug" TEXT PRIMARY KEY,
   "label" TEXT
);
INSERT INTO domain_labels VALUES('economy','Développement économique et innovation');
INSERT INTO domain_labels VALUES('tourism','Tourisme');
INSERT INTO domain_labels VALUES('culture','Culture et industries créatives');
INSERT INTO domain_labels VALUES('heritage','Patrimoine');
INSERT INTO domain_labels VALUES('francophonie','Francophonie');
INSERT INTO domain_labels VALUES('higher-education-research','Enseignement supérieur et recherche');
INSERT INTO domain_labels VALUES('youth-education','Jeunesse, éducation et formation');
INSERT INTO domain_labels VALUES('digital','Numérique');
INSERT INTO domain_labels VALUES('health','Santé');
INSERT INTO domain_labels VALUES('climate-environment','Climat et environnement');
INSERT INTO domain_labels VALUES('energy-transition','Transition énergétique');
INSERT INTO domain_labels VALUES('agriculture-food','Agriculture et alimentation');
INSERT INTO domain_labels VALUES('mobility','Mobilité');
INSERT INTO domain_labels VALUES('social','Coopération sociale et solidarité');
INSERT INTO domain_labels VALUES('governance','Gouvernance et appui institutionnel');
INSERT INTO domain_labels VALUES('mining','Mines et sous-sol');
INSERT INTO domain_labels VALUES('sport','Sport');
INSERT INTO domain_labels VALUES('water','Eau et assainissement');
CREATE TABLE IF NOT EXISTS "agreements" (
   "slug" TEXT PRIMARY KEY,
   "title" TEXT NOT NULL,
   "kind" TEXT NOT NULL REFERENCES "kinds"("slug"),
   "status" TEXT NOT NULL REFERENCES "statuses"("slug"),
   "signed_on" TEXT,
   "signed_on_inferred" INTEGER,
   "signed_on_note" TEXT,
   "valid_from" TEXT,
   "valid_until" TEXT,
   "date" TEXT,
   "year" INTEGER,
   "slug_key" TEXT,
   "pair_key" TEXT,
   "parties" TEXT,
   "countries" TEXT,
   "domains" TEXT,
   "topics" TEXT,
   "summary" TEXT,
   "note" TEXT,
   "record" TEXT NOT NULL,
   "domain_list" TEXT,
   "country_list" TEXT
);
INSERT INTO agreements VALUES('perpignan-laurentides','Convention de partenariat entre Cap Sud 66 (Perpignan Méditerranée Métropole) et la MRC des Laurentides','partnership-agreement','signed','2023-10-27',1,'« Vendredi dernier » under the dateline Mont-Blanc, 2 novembre 2023 (a Thursday): the Friday before is 27 October 2023.',NULL,NULL,'2023-10-27',2023,'laurentides perpignan','partnership-agreement | 1 | 2','Perpignan Méditerranée Métropole; MRC des Laurentides','FR; CA','economy; tourism; social; culture','innovation; tourisme durable; développement durable; écosystèmes d''innovation; signature territoriale; attractivité','Cap Sud 66, l''agence d''attractivité de Perpignan Méditerranée Métropole, et la MRC des Laurentides ont signé une convention de partenariat pour mutualiser des projets innovants. Le partenariat repose sur la coopération économique, le tourisme durable, la coopération sociale et les échanges culturels, académiques ou professionnels.','The text calls the agreement both « convention de partenariat » and « jumelage »; the kind follows the instrument''s name. Cap Sud 66 signed for Perpignan Méditerranée Métropole, so the territory is the party and the agency its acting body. The fourth pillar also names academic and professional exchanges; only the cultural part is filed as a domain.','{"slug":"perpignan-laurentides","title":"Convention de partenariat entre Cap Sud 66 (Perpignan Méditerranée Métropole) et la MRC des Laurentides","kind":"partnership-agreement","status":"signed","signed_on":"2023-10-27","signed_on_inferred":true,"signed_on_note":"« Vendredi dernier » under the dateline Mont-Blanc, 2 novembre 2023 (a Thursday): the Friday before is 27 October 2023.","parties":[{"name":"Perpignan Méditerranée Métropole","kind":"métropole","country":"FR","subdivision":"FR-OCC","acting_body":"Cap Sud 66, agence d''attractivité de Perpignan Méditerranée Métropole"},{"name":"MRC des Laurentides","kind":"MRC","country":"CA","subdivision":"CA-QC"}],"domains":["economy","tourism","social","culture"],"topics":["innovation","tourisme durable","développement durable","écosystèmes d''innovation","signature territoriale","attractivité"],"people":[{"name":"Nancy Pelletier","role":"directrice générale de la MRC des Laurentides","party":"MRC des Laurentides"}],"stakeholders":[{"name":"IVÉO","kind":"OBNL","role":"a perçu le potentiel du partenariat; accompagne les villes de petite et moyenne taille dans l''innovation"}],"events":[{"date":"2023-10-27","date_inferred":true,"date_note":"« Vendredi dernier » counted back from the dateline of Thursday 2 November 2023.","description":"Signature de la convention de partenariat."}],"sources":[{"file":"000_636b0192aed31000.txt","publisher":"MRC des Laurentides","published_on":"2023-11-02","dateline":"Mont-Blanc","note":"The contact block names the MRC des Laurentides'' communications agent."}],"summary":"Cap Sud 66, l''agence d''attractivité de Perpignan Méditerranée Métropole, et la MRC des Laurentides ont signé une convention de partenariat pour mutualiser des projets innovants. Le partenariat repose sur la coopération économique, le tourisme durable, la coopération sociale et les échanges culturels, académiques ou professionnels.","note":"The text calls the agreement both « convention de partenariat » and « jumelage »; the kind follows the instrument''s name. Cap Sud 66 signed for Perpignan Méditerranée Métropole, so the territory is the party and the agency its acting body. The fourth pillar also names academic and professional exchanges; only the cultural part is filed as a domain."}','["Développement économique et innovation", "Tourisme", "Coopération sociale et solidarité", "Culture et industries créatives"]','["France", "Canada"]');
INSERT INTO agreements VALUES('nantes-quebec','Déclaration commune 2024-2025 entre Nantes Métropole et la Ville de Québec','joint-declaration','signed','2024-05',1,'Signed « à l''occasion de l''accueil de la mission nantaise » in Québec; the mission ran from 24 to 31 May 2024, so May 2024.','2024','2025','2024-05',2024,'nantes quebec','joint-declaration | 3 | 4','Nantes Métropole; Ville de Québec','FR; CA','culture; francophonie; economy','numérique; industries culturelles et créatives; mobilité artistique croisée; échanges d''œuvres; innovation; coopération décentralisée','Lors de la mission nantaise au Québec de mai 2024, Nantes Métropole et la Ville de Québec ont signé une déclaration commune pour 2024-2025. Elles s''engagent à soutenir en priorité les projets de coopération de leurs acteurs dans la culture, la francophonie et le développement économique.','The Nantes–Montréal cooperation gets no record of its own: the text names no instrument, signature or date for it, only an ongoing cooperation and a closing heading on digital and cultural industries. The domains are the three priorities the declaration names; numérique appears as a topic within economic development. The Ville de Québec''s coordinates are GeoNames'' (src/twinning_cli/gazetteer.tsv), not the text''s.','{"slug":"nantes-quebec","title":"Déclaration commune 2024-2025 entre Nantes Métropole et la Ville de Québec","kind":"joint-declaration","status":"signed","signed_on":"2024-05","signed_on_inferred":true,"signed_on_note":"Signed « à l''occasion de l''accueil de la mission nantaise » in Québec; the mission ran from 24 to 31 May 2024, so May 2024.","valid_from":"2024","valid_until":"2025","parties":[{"name":"Nantes Métropole","kind":"métropole","country":"FR","subdivision":"FR-PDL"},{"name":"Ville de Québec","kind":"ville","country":"CA","subdivision":"CA-QC","lat":46.8123,"lng":-71.2145}],"domains":["culture","francophonie","economy"],"topics":["numérique","industries culturelles et créatives","mobilité artistique croisée","échanges d''œuvres","innovation","coopération décentralisée"],"people":[{"name":"Johanna Rolland","role":"Maire de Nantes et présidente de Nantes Métropole","party":"Nantes Métropole","signed":true},{"name":"Bruno Marchand","role":"Maire de Québec, vice-président de l''AIMF","party":"Ville de Québec","signed":true}],"stakeholders":[{"name":"AIMF","kind":"réseau","role":"réseau de villes dont Nantes et Québec sont membres"},{"name":"Nantes St Nazaire","kind":"agence","role":"co-organisatrice de la mission collective"},{"name":"CCI Nantes St-Nazaire","kind":"chambre de commerce","role":"co-organisatrice de la mission collective"},{"name":"Chambre de Métiers et de l''Artisanat de Loire Atlantique","kind":"chambre de métiers","role":"co-organisatrice de la mission collective"}],"events":[{"date":"2013","place":"Québec","description":"Québec engage une coopération avec Nantes (culture, tourisme, numérique)."},{"date":"2024-05-24","end":"2024-05-31","place":"Québec et Montréal","description":"Mission multisectorielle d''une délégation nantaise menée par Johanna Rolland."},{"date":"2024-05","date_inferred":true,"date_note":"During the reception of the Nantes mission, which ran from 24 to 31 May 2024.","place":"Québec","description":"Signature de la Déclaration commune 2024-2025."}],"sources":[{"file":"001_dee289860ee45dcb.txt","note":"No publisher or date is printed; the text is written from the Nantes side during the mission and links to the Ville de Québec''s own release."}],"summary":"Lors de la mission nantaise au Québec de mai 2024, Nantes Métropole et la Ville de Québec ont signé une déclaration commune pour 2024-2025. Elles s''engagent à soutenir en priorité les projets de coopération de leurs acteurs dans la culture, la francophonie et le développement économique.","note":"The Nantes–Montréal cooperation gets no record of its own: the text names no instrument, signature or date for it, only an ongoing cooperation and a closing heading on digital and cultural industries. The domains are the three priorities the declaration names; numérique appears as a topic within economic development. The Ville de Québec''s coordinates are GeoNames'' (src/twinning_cli/gazetteer.tsv), not the text''s."}','["Culture et industries créatives", "Francophonie", "Développement économique et innovation"]','["France", "Canada"]');
INSERT INTO agreements VALUES('rennes-quebec','Protocole de coopération entre Rennes Métropole et la Ville de Québec','cooperation-protocol','signed','2024-04-09',0,NULL,NULL,NULL,'2024-04-09',2024,'quebec rennes','cooperation-protocol | 4 | 5','Rennes Métropole; Ville de Québec','FR; CA','economy; higher-education-research; culture; heritage','numérique; cybersécurité; intelligence artificielle; agro-alimentaire; santé; industries culturelles; mobilité intelligente; innovation','Le 9 avril 2024, lors du déplacement d''une délégation rennaise au Québec, Rennes Métropole a signé un protocole de coopération avec la Ville de Québec. Les deux villes s''engagent en priorité dans le développement économique, l''enseignement supérieur et la recherche, la culture et le patrimoine.','A quote calls it « cette convention »; the kind follows the name the text uses throughout, protocole de coopération. Nathalie Appéré and Bruno Marchand are quoted; the text does not say who put pen to paper. The Ville de Québec''s coordinates are GeoNames'' (src/twinning_cli/gazetteer.tsv), not the text''s.','{"slug":"rennes-quebec","title":"Protocole de coopération entre Rennes Métropole et la Ville de Québec","kind":"cooperation-protocol","status":"signed","signed_on":"2024-04-09","parties":[{"name":"Rennes Métropole","kind":"métropole","country":"FR","subdivision":"FR-BRE"},{"name":"Ville de Québec","kind":"ville","country":"CA","subdivision":"CA-QC","lat":46.8123,"lng":-71.2145}],"domains":["economy","higher-education-research","culture","heritage"],"topics":["numérique","cybersécurité","intelligence artificielle","agro-alimentaire","santé","industries culturelles","mobilité intelligente","innovation"],"people":[{"name":"Nathalie Appéré","role":"Maire de Rennes et Présidente de Rennes Métropole","party":"Rennes Métropole"},{"name":"Bruno Marchand","role":"Maire de Québec","party":"Ville de Québec"},{"name":"Catherine Vallières-Roland","role":"responsable des relations internationales et de la culture du comité exécutif de la Ville de Québec","party":"Ville de Québec"}],"stakeholders":[{"name":"Québec International","kind":"agence de développement économique","role":"partenaire privilégié du côté de Québec"},{"name":"CAMP","role":"partenaire privilégié du côté de Québec"},{"name":"CCI Rennes Saint-Malo","kind":"chambre de commerce","role":"mobilisée avec son WTC du côté de Rennes"},{"name":"Le POOOL","kind":"technopole French Tech","role":"mobilisée du côté de Rennes"},{"name":"Université de Rennes","kind":"université","role":"engagée via des conventions spécifiques"},{"name":"Université Laval","kind":"université","role":"engagée via des conventions spécifiques"},{"name":"INRS","kind":"institut de recherche","role":"engagé via des conventions spécifiques"}],"funding":[{"programme":"appel à projets franco-québécois"}],"events":[{"date":"2023-01","place":"Rennes","description":"Nathalie Appéré reçoit Catherine Vallières-Roland pour discuter de collaborations entre les deux municipalités."},{"date":"2024-04-07","end":"2024-04-12","place":"Québec","description":"Déplacement de la délégation rennaise au Québec."},{"date":"2024-04-09","place":"Québec","description":"Signature du protocole de coopération."}],"sources":[{"file":"002_2ca0a5e90774613d.txt","published_on":"2024-04","note":"Dated « 2024-04 » in its header; written from the Rennes side, photos credited to Rennes Métropole."}],"summary":"Le 9 avril 2024, lors du déplacement d''une délégation rennaise au Québec, Rennes Métropole a signé un protocole de coopération avec la Ville de Québec. Les deux villes s''engagent en priorité dans le développement économique, l''enseignement supérieur et la recherche, la culture et le patrimoine.","note":"A quote calls it « cette convention »; the kind follows the name the text uses throughout, protocole de coopération. Nathalie Appéré and Bruno Marchand are quoted; the text does not say who put pen to paper. The Ville de Québec''s coordinates are GeoNames'' (src/twinning_cli/gazetteer.tsv), not the text''s."}','["Développement économique et innovation", "Enseignement supérieur et recherche", "Culture et industries créatives", "Patrimoine"]','["France", "Canada"]');
INSERT INTO agreements VALUES('toulouse-portes-de-gascogne','Contrat de réciprocité ville-campagne entre Toulouse Métropole et le Pays des Portes de Gascogne','reciprocity-contract','proposed',NULL,0,NULL,NULL,NULL,'2017-06-29',2017,'de gascogne portes toulouse','reciprocity-contract | 6 | 7','Toulouse Métropole; Pays des Portes de Gascogne','FR','economy; agriculture-food; tourism; culture; mobility; energy-transition','solidarité territoriale; ville-campagne; stratégies foncières; création d''entreprises; télétravail; agriculture raisonnée; projet alimentaire de territoire; culture scientifique et technique','Prévu par le pacte métropolitain d''innovation de janvier 2017, le contrat de réciprocité ville-campagne entre Toulouse Métropole et le Pays des Portes de Gascogne engage les deux territoires à travailler de façon concertée. Il couvre le développement économique, l''agriculture raisonnée, le tourisme, la culture scientifique, la mobilité et la transition énergétique, et doit être soumis au vote du Conseil de la Métropole.','Status proposed: the text says the contract « sera proposé au vote », so nothing is signed. The year of the vote is inferred (see the event). The Pays des Portes de Gascogne lies in the Gers, hence FR-OCC.','{"slug":"toulouse-portes-de-gascogne","title":"Contrat de réciprocité ville-campagne entre Toulouse Métropole et le Pays des Portes de Gascogne","kind":"reciprocity-contract","status":"proposed","parties":[{"name":"Toulouse Métropole","kind":"métropole","country":"FR","subdivision":"FR-OCC"},{"name":"Pays des Portes de Gascogne","kind":"pays/PETR","country":"FR","subdivision":"FR-OCC"}],"domains":["economy","agriculture-food","tourism","culture","mobility","energy-transition"],"topics":["solidarité territoriale","ville-campagne","stratégies foncières","création d''entreprises","télétravail","agriculture raisonnée","projet alimentaire de territoire","culture scientifique et technique"],"people":[{"name":"Jean-Luc Moudenc","role":"Président de Toulouse Métropole","party":"Toulouse Métropole"},{"name":"Bernard Cazeneuve","role":"Premier ministre d''alors"}],"events":[{"date":"2017-01","description":"Signature du pacte métropolitain d''innovation, qui prévoit le contrat de réciprocité, par Bernard Cazeneuve et Jean-Luc Moudenc."},{"date":"2017-06-29","date_inferred":true,"date_note":"The text gives « le 29 juin prochain » with no year; it is after the pact of January 2017, so the first such 29 June is 2017.","description":"Vote prévu du Conseil de la Métropole sur le contrat de réciprocité."}],"sources":[{"file":"003_9446d3a01a2b54f3.txt","note":"A « CP » on a press-release page; no date is printed. « Conseil de la Métropole » suggests Toulouse Métropole published it."}],"summary":"Prévu par le pacte métropolitain d''innovation de janvier 2017, le contrat de réciprocité ville-campagne entre Toulouse Métropole et le Pays des Portes de Gascogne engage les deux territoires à travailler de façon concertée. Il couvre le développement économique, l''agriculture raisonnée, le tourisme, la culture scientifique, la mobilité et la transition énergétique, et doit être soumis au vote du Conseil de la Métropole.","note":"Status proposed: the text says the contract « sera proposé au vote », so nothing is signed. The year of the vote is inferred (see the event). The Pays des Portes de Gascogne lies in the Gers, hence FR-OCC."}','["Développement économique et innovation", "Agriculture et alimentation", "Tourisme", "Culture et industries créatives", "Mobilité", "Transition énergétique"]','["France"]');
INSERT INTO agreements VALUES('pau-thetford-mines','Projet de jumelage entre la Ville de Thetford Mines et la Ville de Pau','twinning','exploratory',NULL,0,NULL,NULL,NULL,'2022-10-25',2022,'mines pau thetford','twinning | 8 | 9','Ville de Pau; Ville de Thetford Mines','FR; CA','economy; energy-transition; mining','chimie verte; résidus miniers; mines et sous-sol; transition énergétique; villes médianes','Depuis un an, la Ville de Thetford Mines travaille avec la Ville de Pau en vue d''établir un jumelage. Une délégation thetfordoise a mené une mission exploratoire à Pau grâce au FFQCD, et une délégation paloise est venue au Sommet de l''innovation en villes médianes; une mission économique est envisagée en 2023-2024.','Status exploratory: the towns work « en vue d''établir un jumelage » and nothing is signed. The text names the Ville de Pau as the partner and later the agglomération Pau Béarn Pyrénées; the twinning is between the two municipalities, so the Ville de Pau is the party. Both towns'' coordinates are GeoNames'' (src/twinning_cli/gazetteer.tsv), not the text''s.','{"slug":"pau-thetford-mines","title":"Projet de jumelage entre la Ville de Thetford Mines et la Ville de Pau","kind":"twinning","status":"exploratory","parties":[{"name":"Ville de Pau","kind":"ville","country":"FR","subdivision":"FR-NAQ","lat":43.3112,"lng":-0.3558},{"name":"Ville de Thetford Mines","kind":"ville","country":"CA","subdivision":"CA-QC","lat":46.0937,"lng":-71.3054}],"domains":["economy","energy-transition","mining"],"topics":["chimie verte","résidus miniers","mines et sous-sol","transition énergétique","villes médianes"],"people":[{"name":"Marc-Alexandre Brousseau","role":"maire de Thetford Mines","party":"Ville de Thetford Mines"}],"stakeholders":[{"name":"Coalia","kind":"centre de recherche","role":"visité par la délégation paloise"},{"name":"Kemitek","kind":"centre de recherche","role":"visité par la délégation paloise"},{"name":"cégep","kind":"cégep","role":"son directeur général a rencontré les représentants français"},{"name":"agglomération Pau Béarn Pyrénées","kind":"agglomération","role":"partenaire de la collaboration à poursuivre"},{"name":"ministère des Relations internationales et de la Francophonie du Québec","kind":"ministère","role":"appel de projets pour une mission économique en 2023-2024"}],"funding":[{"programme":"Fonds franco-québécois pour la coopération décentralisée (FFQCD)","backers":["ministère des Relations internationales et de la Francophonie du Québec","ministère de l''Europe et des Affaires étrangères de la République française"]}],"events":[{"date":"2022-09-12","end":"2022-09-15","date_inferred":true,"date_note":"The text gives no year; the summit that followed was held on 25–27 October 2022 (fact supplied with issue #2), so 2022.","place":"Pau","description":"Mission exploratoire d''une délégation de Thetford Mines, financée par le FFQCD."},{"date":"2022-10-25","end":"2022-10-27","date_inferred":true,"date_note":"Year from the fact supplied with issue #2: the Sommet international de l''innovation en villes médianes was held in Thetford Mines on 25–27 October 2022.","place":"Thetford Mines","description":"Délégation paloise au Sommet international de l''innovation en villes médianes; visites de Coalia et Kemitek."}],"sources":[{"file":"004_58426079a9647b2b.txt","note":"No publisher or date is printed; the text is written from the Thetford Mines side."}],"summary":"Depuis un an, la Ville de Thetford Mines travaille avec la Ville de Pau en vue d''établir un jumelage. Une délégation thetfordoise a mené une mission exploratoire à Pau grâce au FFQCD, et une délégation paloise est venue au Sommet de l''innovation en villes médianes; une mission économique est envisagée en 2023-2024.","note":"Status exploratory: the towns work « en vue d''établir un jumelage » and nothing is signed. The text names the Ville de Pau as the partner and later the agglomération Pau Béarn Pyrénées; the twinning is between the two municipalities, so the Ville de Pau is the party. Both towns'' coordinates are GeoNames'' (src/twinning_cli/gazetteer.tsv), not the text''s."}','["Développement économique et innovation", "Transition énergétique", "Mines et sous-sol"]','["France", "Canada"]');
CREATE TABLE IF NOT EXISTS "territories" (
   "id" INTEGER PRIMARY KEY,
   "name" TEXT NOT NULL,
   "name_key" TEXT NOT NULL,
   "short_key" TEXT,
   "city_key" TEXT,
   "name_folded" TEXT NOT NULL,
   "kind" TEXT,
   "country" TEXT NOT NULL,
   "subdivision" TEXT,
   "lat" REAL,
   "lng" REAL,
   "wikidata" TEXT,
   "geonames" TEXT,
   "agreements" INTEGER DEFAULT 0
);
INSERT INTO territories VALUES(1,'Perpignan Méditerranée Métropole','perpignan méditerranée métropole','perpignan méditerranée',NULL,'perpignan mediterranee metropole','métropole','FR','FR-OCC',NULL,NULL,NULL,NULL,1);
INSERT INTO territories VALUES(2,'MRC des Laurentides','mrc des laurentides','laurentides',NULL,'mrc des laurentides','MRC','CA','CA-QC',NULL,NULL,NULL,NULL,1);
INSERT INTO territories VALUES(3,'Nantes Métropole','nantes métropole','nantes',NULL,'nantes metropole','métropole','FR','FR-PDL',NULL,NULL,NULL,NULL,1);
INSERT INTO territories VALUES(4,'Ville de Québec','ville de québec','québec','québec','ville de quebec','ville','CA','CA-QC',46.812300000000000464,-71.214500000000001021,NULL,NULL,2);
INSERT INTO territories VALUES(5,'Rennes Métropole','rennes métropole','rennes',NULL,'rennes metropole','métropole','FR','FR-BRE',NULL,NULL,NULL,NULL,1);
INSERT INTO territories VALUES(6,'Toulouse Métropole','toulouse métropole','toulouse',NULL,'toulouse metropole','métropole','FR','FR-OCC',NULL,NULL,NULL,NULL,1);
INSERT INTO territories VALUES(7,'Pays des Portes de Gascogne','pays des portes de gascogne','portes de gascogne',NULL,'pays des portes de gascogne','pays/PETR','FR','FR-OCC',NULL,NULL,NULL,NULL,1);
INSERT INTO territories VALUES(8,'Pau','pau','pau','pau','pau','ville','FR','FR-NAQ',43.311199999999999477,-0.35580000000000000515,NULL,NULL,1);
INSERT INTO territories VALUES(9,'Ville de Thetford Mines','ville de thetford mines','thetford mines','thetford mines','ville de thetford mines','ville','CA','CA-QC',46.093699999999998341,-71.305400000000005887,NULL,NULL,1);
CREATE TABLE IF NOT EXISTS "register_notes" (
   "id" INTEGER PRIMARY KEY,
   "note" TEXT
);
CREATE TABLE IF NOT EXISTS "territory_aliases" (
   "name_key" TEXT,
   "country" TEXT,
   "name" TEXT NOT NULL,
   PRIMARY KEY ("name_key", "country")
);
INSERT INTO territory_aliases VALUES('ville de pau','FR','Pau');
CREATE TABLE IF NOT EXISTS "agreement_parties" (
   "agreement" TEXT REFERENCES "agreements"("slug"),
   "territory_id" INTEGER REFERENCES "territories"("id"),
   "position" INTEGER,
   "acting_body" TEXT,
   PRIMARY KEY ("agreement", "position")
);
INSERT INTO agreement_parties VALUES('perpignan-laurentides',1,0,'Cap Sud 66, agence d''attractivité de Perpignan Méditerranée Métropole');
INSERT INTO agreement_parties VALUES('perpignan-laurentides',2,1,NULL);
INSERT INTO agreement_parties VALUES('nantes-quebec',3,0,NULL);
INSERT INTO agreement_parties VALUES('nantes-quebec',4,1,NULL);
INSERT INTO agreement_parties VALUES('rennes-quebec',5,0,NULL);
INSERT INTO agreement_parties VALUES('rennes-quebec',4,1,NULL);
INSERT INTO agreement_parties VALUES('toulouse-portes-de-gascogne',6,0,NULL);
INSERT INTO agreement_parties VALUES('toulouse-portes-de-gascogne',7,1,NULL);
INSERT INTO agreement_parties VALUES('pau-thetford-mines',8,0,NULL);
INSERT INTO agreement_parties VALUES('pau-thetford-mines',9,1,NULL);
CREATE TABLE IF NOT EXISTS "agreement_domains" (
   "agreement" TEXT REFERENCES "agreements"("slug"),
   "domain" TEXT REFERENCES "domain_labels"("slug"),
   PRIMARY KEY ("agreement", "domain")
);
INSERT INTO agreement_domains VALUES('perpignan-laurentides','economy');
INSERT INTO agreement_domains VALUES('perpignan-laurentides','tourism');
INSERT INTO agreement_domains VALUES('perpignan-laurentides','social');
INSERT INTO agreement_domains VALUES('perpignan-laurentides','culture');
INSERT INTO agreement_domains VALUES('nantes-quebec','culture');
INSERT INTO agreement_domains VALUES('nantes-quebec','francophonie');
INSERT INTO agreement_domains VALUES('nantes-quebec','economy');
INSERT INTO agreement_domains VALUES('rennes-quebec','economy');
INSERT INTO agreement_domains VALUES('rennes-quebec','higher-education-research');
INSERT INTO agreement_domains VALUES('rennes-quebec','culture');
INSERT INTO agreement_domains VALUES('rennes-quebec','heritage');
INSERT INTO agreement_domains VALUES('toulouse-portes-de-gascogne','economy');
INSERT INTO agreement_domains VALUES('toulouse-portes-de-gascogne','agriculture-food');
INSERT INTO agreement_domains VALUES('toulouse-portes-de-gascogne','tourism');
INSERT INTO agreement_domains VALUES('toulouse-portes-de-gascogne','culture');
INSERT INTO agreement_domains VALUES('toulouse-portes-de-gascogne','mobility');
INSERT INTO agreement_domains VALUES('toulouse-portes-de-gascogne','energy-transition');
INSERT INTO agreement_domains VALUES('pau-thetford-mines','economy');
INSERT INTO agreement_domains VALUES('pau-thetford-mines','energy-transition');
INSERT INTO agreement_domains VALUES('pau-thetford-mines','mining');
CREATE TABLE IF NOT EXISTS "agreement_topics" (
   "agreement" TEXT REFERENCES "agreements"("slug"),
   "topic" TEXT
);
INSERT INTO agreement_topics VALUES('perpignan-laurentides','innovation');
INSERT INTO agreement_topics VALUES('perpignan-laurentides','tourisme durable');
INSERT INTO agreement_topics VALUES('perpignan-laurentides','développement durable');
INSERT INTO agreement_topics VALUES('perpignan-laurentides','écosystèmes d''innovation');
INSERT INTO agreement_topics VALUES('perpignan-laurentides','signature territoriale');
INSERT INTO agreement_topics VALUES('perpignan-laurentides','attractivité');
INSERT INTO agreement_topics VALUES('nantes-quebec','numérique');
INSERT INTO agreement_topics VALUES('nantes-quebec','industries culturelles et créatives');
INSERT INTO agreement_topics VALUES('nantes-quebec','mobilité artistique croisée');
INSERT INTO agreement_topics VALUES('nantes-quebec','échanges d''œuvres');
INSERT INTO agreement_topics VALUES('nantes-quebec','innovation');
INSERT INTO agreement_topics VALUES('nantes-quebec','coopération décentralisée');
INSERT INTO agreement_topics VALUES('rennes-quebec','numérique');
INSERT INTO agreement_topics VALUES('rennes-quebec','cybersécurité');
INSERT INTO agreement_topics VALUES('rennes-quebec','intelligence artificielle');
INSERT INTO agreement_topics VALUES('rennes-quebec','agro-alimentaire');
INSERT INTO agreement_topics VALUES('rennes-quebec','santé');
INSERT INTO agreement_topics VALUES('rennes-quebec','industries culturelles');
INSERT INTO agreement_topics VALUES('rennes-quebec','mobilité intelligente');
INSERT INTO agreement_topics VALUES('rennes-quebec','innovation');
INSERT INTO agreement_topics VALUES('toulouse-portes-de-gascogne','solidarité territoriale');
INSERT INTO agreement_topics VALUES('toulouse-portes-de-gascogne','ville-campagne');
INSERT INTO agreement_topics VALUES('toulouse-portes-de-gascogne','stratégies foncières');
INSERT INTO agreement_topics VALUES('toulouse-portes-de-gascogne','création d''entreprises');
INSERT INTO agreement_topics VALUES('toulouse-portes-de-gascogne','télétravail');
INSERT INTO agreement_topics VALUES('toulouse-portes-de-gascogne','agriculture raisonnée');
INSERT INTO agreement_topics VALUES('toulouse-portes-de-gascogne','projet alimentaire de territoire');
INSERT INTO agreement_topics VALUES('toulouse-portes-de-gascogne','culture scientifique et technique');
INSERT INTO agreement_topics VALUES('pau-thetford-mines','chimie verte');
INSERT INTO agreement_topics VALUES('pau-thetford-mines','résidus miniers');
INSERT INTO agreement_topics VALUES('pau-thetford-mines','mines et sous-sol');
INSERT INTO agreement_topics VALUES('pau-thetford-mines','transition énergétique');
INSERT INTO agreement_topics VALUES('pau-thetford-mines','villes médianes');
CREATE TABLE IF NOT EXISTS "people" (
   "id" INTEGER PRIMARY KEY,
   "agreement" TEXT REFERENCES "agreements"("slug"),
   "name" TEXT,
   "role" TEXT,
   "party" TEXT,
   "signed" INTEGER
);
INSERT INTO people VALUES(1,'perpignan-laurentides','Nancy Pelletier','directrice générale de la MRC des Laurentides','MRC des Laurentides',0);
INSERT INTO people VALUES(2,'nantes-quebec','Johanna Rolland','Maire de Nantes et présidente de Nantes Métropole','Nantes Métropole',1);
INSERT INTO people VALUES(3,'nantes-quebec','Bruno Marchand','Maire de Québec, vice-président de l''AIMF','Ville de Québec',1);
INSERT INTO people VALUES(4,'rennes-quebec','Nathalie Appéré','Maire de Rennes et Présidente de Rennes Métropole','Rennes Métropole',0);
INSERT INTO people VALUES(5,'rennes-quebec','Bruno Marchand','Maire de Québec','Ville de Québec',0);
INSERT INTO people VALUES(6,'rennes-quebec','Catherine Vallières-Roland','responsable des relations internationales et de la culture du comité exécutif de la Ville de Québec','Ville de Québec',0);
INSERT INTO people VALUES(7,'toulouse-portes-de-gascogne','Jean-Luc Moudenc','Président de Toulouse Métropole','Toulouse Métropole',0);
INSERT INTO people VALUES(8,'toulouse-portes-de-gascogne','Bernard Cazeneuve','Premier ministre d''alors',NULL,0);
INSERT INTO people VALUES(9,'pau-thetford-mines','Marc-Alexandre Brousseau','maire de Thetford Mines','Ville de Thetford Mines',0);
CREATE TABLE IF NOT EXISTS "stakeholders" (
   "id" INTEGER PRIMARY KEY,
   "agreement" TEXT REFERENCES "agreements"("slug"),
   "name" TEXT,
   "kind" TEXT,
   "role" TEXT
);
INSERT INTO stakeholders VALUES(1,'perpignan-laurentides','IVÉO','OBNL','a perçu le potentiel du partenariat; accompagne les villes de petite et moyenne taille dans l''innovation');
INSERT INTO stakeholders VALUES(2,'nantes-quebec','AIMF','réseau','réseau de villes dont Nantes et Québec sont membres');
INSERT INTO stakeholders VALUES(3,'nantes-quebec','Nantes St Nazaire','agence','co-organisatrice de la mission collective');
INSERT INTO stakeholders VALUES(4,'nantes-quebec','CCI Nantes St-Nazaire','chambre de commerce','co-organisatrice de la mission collective');
INSERT INTO stakeholders VALUES(5,'nantes-quebec','Chambre de Métiers et de l''Artisanat de Loire Atlantique','chambre de métiers','co-organisatrice de la mission collective');
INSERT INTO stakeholders VALUES(6,'rennes-quebec','Québec International','agence de développement économique','partenaire privilégié du côté de Québec');
INSERT INTO stakeholders VALUES(7,'rennes-quebec','CAMP',NULL,'partenaire privilégié du côté de Québec');
INSERT INTO stakeholders VALUES(8,'rennes-quebec','CCI Rennes Saint-Malo','chambre de commerce','mobilisée avec son WTC du côté de Rennes');
INSERT INTO stakeholders VALUES(9,'rennes-quebec','Le POOOL','technopole French Tech','mobilisée du côté de Rennes');
INSERT INTO stakeholders VALUES(10,'rennes-quebec','Université de Rennes','université','engagée via des conventions spécifiques');
INSERT INTO stakeholders VALUES(11,'rennes-quebec','Université Laval','université','engagée via des conventions spécifiques');
INSERT INTO stakeholders VALUES(12,'rennes-quebec','INRS','institut de recherche','engagé via des conventions spécifiques');
INSERT INTO stakeholders VALUES(13,'pau-thetford-mines','Coalia','centre de recherche','visité par la délégation paloise');
INSERT INTO stakeholders VALUES(14,'pau-thetford-mines','Kemitek','centre de recherche','visité par la délégation paloise');
INSERT INTO stakeholders VALUES(15,'pau-thetford-mines','cégep','cégep','son directeur général a rencontré les représentants français');
INSERT INTO stakeholders VALUES(16,'pau-thetford-mines','agglomération Pau Béarn Pyrénées','agglomération','partenaire de la collaboration à poursuivre');
INSERT INTO stakeholders VALUES(17,'pau-thetford-mines','ministère des Relations internationales et de la Francophonie du Québec','ministère','appel de projets pour une mission économique en 2023-2024');
CREATE TABLE IF NOT EXISTS "funding" (
   "id" INTEGER PRIMARY KEY,
   "agreement" TEXT REFERENCES "agreements"("slug"),
   "programme" TEXT,
   "backers" TEXT
);
INSERT INTO funding VALUES(1,'rennes-quebec','appel à projets franco-québécois','');
INSERT INTO funding VALUES(2,'pau-thetford-mines','Fonds franco-québécois pour la coopération décentralisée (FFQCD)','ministère des Relations internationales et de la Francophonie du Québec; ministère de l''Europe et des Affaires étrangères de la République française');
CREATE TABLE IF NOT EXISTS "events" (
   "id" INTEGER PRIMARY KEY,
   "agreement" TEXT REFERENCES "agreements"("slug"),
   "date" TEXT,
   "end" TEXT,
   "date_inferred" INTEGER,
   "date_note" TEXT,
   "place" TEXT,
   "description" TEXT
);
INSERT INTO events VALUES(1,'perpignan-laurentides','2023-10-27',NULL,1,'« Vendredi dernier » counted back from the dateline of Thursday 2 November 2023.',NULL,'Signature de la convention de partenariat.');
INSERT INTO events VALUES(2,'nantes-quebec','2013',NULL,0,NULL,'Québec','Québec engage une coopération avec Nantes (culture, tourisme, numérique).');
INSERT INTO events VALUES(3,'nantes-quebec','2024-05-24','2024-05-31',0,NULL,'Québec et Montréal','Mission multisectorielle d''une délégation nantaise menée par Johanna Rolland.');
INSERT INTO events VALUES(4,'nantes-quebec','2024-05',NULL,1,'During the reception of the Nantes mission, which ran from 24 to 31 May 2024.','Québec','Signature de la Déclaration commune 2024-2025.');
INSERT INTO events VALUES(5,'rennes-quebec','2023-01',NULL,0,NULL,'Rennes','Nathalie Appéré reçoit Catherine Vallières-Roland pour discuter de collaborations entre les deux municipalités.');
INSERT INTO events VALUES(6,'rennes-quebec','2024-04-07','2024-04-12',0,NULL,'Québec','Déplacement de la délégation rennaise au Québec.');
INSERT INTO events VALUES(7,'rennes-quebec','2024-04-09',NULL,0,NULL,'Québec','Signature du protocole de coopération.');
INSERT INTO events VALUES(8,'toulouse-portes-de-gascogne','2017-01',NULL,0,NULL,NULL,'Signature du pacte métropolitain d''innovation, qui prévoit le contrat de réciprocité, par Bernard Cazeneuve et Jean-Luc Moudenc.');
INSERT INTO events VALUES(9,'toulouse-portes-de-gascogne','2017-06-29',NULL,1,'The text gives « le 29 juin prochain » with no year; it is after the pact of January 2017, so the first such 29 June is 2017.',NULL,'Vote prévu du Conseil de la Métropole sur le contrat de réciprocité.');
INSERT INTO events VALUES(10,'pau-thetford-mines','2022-09-12','2022-09-15',1,'The text gives no year; the summit that followed was held on 25–27 October 2022 (fact supplied with issue #2), so 2022.','Pau','Mission exploratoire d''une délégation de Thetford Mines, financée par le FFQCD.');
INSERT INTO events VALUES(11,'pau-thetford-mines','2022-10-25','2022-10-27',1,'Year from the fact supplied with issue #2: the Sommet international de l''innovation en villes médianes was held in Thetford Mines on 25–27 October 2022.','Thetford Mines','Délégation paloise au Sommet international de l''innovation en villes médianes; visites de Coalia et Kemitek.');
CREATE TABLE IF NOT EXISTS "sources" (
   "id" INTEGER PRIMARY KEY,
   "agreement" TEXT REFERENCES "agreements"("slug"),
   "file" TEXT,
   "publisher" TEXT,
   "published_on" TEXT,
   "dateline" TEXT,
   "url" TEXT,
   "note" TEXT
);
INSERT INTO sources VALUES(1,'perpignan-laurentides','000_636b0192aed31000.txt','MRC des Laurentides','2023-11-02','Mont-Blanc',NULL,'The contact block names the MRC des Laurentides'' communications agent.');
INSERT INTO sources VALUES(2,'nantes-quebec','001_dee289860ee45dcb.txt',NULL,NULL,NULL,NULL,'No publisher or date is printed; the text is written from the Nantes side during the mission and links to the Ville de Québec''s own release.');
INSERT INTO sources VALUES(3,'rennes-quebec','002_2ca0a5e90774613d.txt',NULL,'2024-04',NULL,NULL,'Dated « 2024-04 » in its header; written from the Rennes side, photos credited to Rennes Métropole.');
INSERT INTO sources VALUES(4,'toulouse-portes-de-gascogne','003_9446d3a01a2b54f3.txt',NULL,NULL,NULL,NULL,'A « CP » on a press-release page; no date is printed. « Conseil de la Métropole » suggests Toulouse Métropole published it.');
INSERT INTO sources VALUES(5,'pau-thetford-mines','004_58426079a9647b2b.txt',NULL,NULL,NULL,NULL,'No publisher or date is printed; the text is written from the Thetford Mines side.');
PRAGMA writable_schema=ON;
INSERT INTO sqlite_schema(type,name,tbl_name,rootpage,sql)VALUES('table','agreements_fts','agreements_fts',0,'CREATE VIRTUAL TABLE "agreements_fts" USING FTS5 (
    "title", "parties", "summary", "topics",
    tokenize=''unicode61 remove_diacritics 2'',
    content="agreements"
)');
CREATE TABLE IF NOT EXISTS 'agreements_fts_data'(id INTEGER PRIMARY KEY, block BLOB);
INSERT INTO agreements_fts_data VALUES(1,X'05431e820745');
INSERT INTO agreements_fts_data VALUES(10,X'000000000103030003010101020101030101');
INSERT INTO agreements_fts_data VALUES(137438953473,X'00000aa2053032303137040601020b030232330506010237040134020a0401020b100106010205020601023804013502080501021a010236360108080102040101390306010203010161020601021e01060102110106010220010801021907020a636164656d6971756573010601022e030574657572730206010228020567656e636501060102060309726963756c74757265040c01022b01030c04016f0306010306020a6c696d656e74616972650306010307010601030f02016e0506010204020b72746966696369656c6c65030601030505067374697175650206010308020b7474726163746976697465010c01020801030c0201750206010207010601020d010601023c01080102210a02037665630306010217020601020b030372696c0306010204010863616d7061676e65040e06010211010305030170010806010202020568696d6965050601030202066f6d6d756e6502080301021703076e636572746565040601022404047365696c040601023f04047472617404080201020d040776656e74696f6e01080201021503096f7065726174696f6e010801022208010c01022501030e0108040102160304757672650406010226020772656174696f6e04060103080703766573020601030603056f6973656502060103090206756c74757265020601022b010601022e010c01023001031208046c6c65730206010304010601030a090173010601022d020c7962657273656375726974650306010303010164010c010207010308010601030b0106010209010c01020701030901060102120203616e7302060102290106010223020165010a030102090f01160c010105010203080a15040112030a01010501021507011e030e010107010209070e0a20010310011803070801010305010207091f030b63656e7472616c69736565020601030f04086c61726174696f6e02080201021603086c65676174696f6e030601020b0208010217100309706c6163656d656e7403060102080403756973050601020203017301100f0101060102100c030e0d01010501021803027578030601021d010601021e030b76656c6f7070656d656e74010601030501060102300106010225010601022802036f697404060102390201750306010207010601023e03057261626c65010e010226010304040108656368616e676573010601022c010601030a03086f6e6f6d6971756501060102230106010231010601022601060102290106010233040873797374656d6573010601030702046c6c6573020601021b02016e02060102200106010221020a010210200a03096572676574697175650406010237010601030b030467616765040601021c07026e74020601021d0106010220030a736569676e656d656e74030601022803037472650102050102060102050108070102120102050606707269736573040601030a03077669736167656505060102350202737405080102270f020174010a0c01020d1f01100901020e22010305010a0801022a0701120a0102152106010314010e0b010223010307030561626c6972050601021303027265040601023a020b78706c6f7261746f697265050601021d01056661636f6e0406010223020466716364050601022202086f6e6369657265730406010307020b72616e636f70686f6e6965020601022d0108676173636f676e65040e1001010801021b02047261636505060102200102696c040601022502096e64757374726965730206010303010601030903076e6f76616e7473010601021c070474696f6e010801030209010601030d010601030d0106010208010601022d030a74656c6c6967656e636503060103040b027465030601030c01076a616e76696572040601020a0207756d656c61676505080401021501016c01060102050206010227010601022a010601022c020161010c0d01020e1508010e0a0102040d1d04010c090102181504010c01022f05050e010c06080102050903097572656e7469646573010e10010107010211020165010801021d09010601022f010a010202240e01100b0102040a0c1308030173010601022b0106010222010601021c010601021d0303757273020601022702036f72730206010202010601020601036d6169020601020a0207656469616e6573050c01023001030d050874657272616e6565010e0a01010301020b03026e65050601021a030774726f706f6c65010e0b01010401020c010e0801010301020d010e07010103010210011009010103010214300905697461696e04060102060204696e657305140a010108010209010306040469657273050601030503057373696f6e0206010205030801021c1802076f62696c6974650206010307010601030b010601023302027263010e0e01010501020f0209757475616c69736572010601021901086e616e7461697365020601020605026573020e0701010201020c0208756d6572697175650206010302010601030201036f6e7401060102120106010213020175010601022f01057061637465040601020503056c6f69736505060102260301720406010203040874656e6172696174010a040102170903087472696d6f696e65030601023103017505100f01010401020f1203027973040e0c010104010217020865727069676e616e010e0901010201020a02056f72746573040e0e010106010219030275720106010218010601021802047265767504060102020306696f7269746502060102210106010222030c6f66657373696f6e6e656c73010601023004036a6574040601030e010202070173010601021b01060102230406746f636f6c65030802010214010671756562656302100d0101060102080c01100c01010601020e0f0109726169736f6e6e6565040c01022c01030d02086563686572636865030601022c04086970726f6369746504080401020f03066e6e61697365030601020c05026573030e0601010201020f0304706f7365010601021f030573696475730506010304010173020601021c010601021f0204616e74650306010308020b6369656e74696669717565040c010231010313020869676e6174757265010601030a05016501060102130106010214010601021202066f6369616c65010601022903016c0506010309040769646172697465040601030203046d6d6574050601022a0304756d6973040601023b0401730506010308040574656e6972020601021f0209747261746567696573040601030602027564010807010203030770657269657572030601022903017201060102200109746563686e69717565040601031503096c657472617661696c040601030b0308727269746f69726504060103110b0173040601021f08057269616c65010601030b03060103030207686574666f7264050e0901010701020809046f697365050601021802076f756c6f757365040e0801010201021304057269736d65010c010225010303030601022e020972616e736974696f6e0406010236010601030a04067661696c6c65050601020a0a017204060102210102756e030601021302080102031303016501060102140106010215010601020a020c010216070b0f010576656e75650506010228030372746505060103030204696c6c65020e0b010104010210010e0a010104010219010e05010210010304011407080101020501020609060173030601021e020c01022f01030c02036f7465040601023d0202756505060102110107c5937576726573020601030c040b0914090a0818110c0c13081608120d15180f0a13090c0e0e0b0c0f1f0b0e0a0c1a100813220f41121015100a160e210a0d1014230f0b14150b0e11170d0e0a2f0c09120c0b0f12130b09150e2011090e0f172c141f170a0f0a1113092e0c120b12180d100f0d140f080c0c08110f0d0d13100e0b12130d0d0e1c130f100d0d0b0c0d0b150f120d080e0b0b080c100a0e0810100f0811120b1214150d080f1a0c0a2d100a09');
INSERT INTO agreements_fts_data VALUES(274877906945,X'0000019705303230323305010401340501010161050102016e050102017505010203766563050101066368696d696505010101640501020165050103086c65676174696f6e05010304707569730501010a65636f6e6f6d69717565050102016e0501030965726765746971756505010303747265050103077669736167656505010202737405010201740501030561626c69720501020b78706c6f7261746f6972650501010566667163640501010567726163650501010a696e6e6f766174696f6e050101086a756d656c616765050101016c0501020161050101086d656469616e6573050103026e6505010204696e65730501040469657273050103057373696f6e0501010770616c6f697365050103017505010205726f6a6574050101077265736964757305010103736f6c050103046d6d65740501030275730501010874686574666f7264050109046f6973650501020972616e736974696f6e050104067661696c6c6505010102756e05010301650501010576656e75650501030372746505010204696c6c6505010601730501020275650501040805050505070a05050c080e050d070b0605090f09090e0c05050c060808090b05090b0708060c080d0a060509070805');
INSERT INTO agreements_fts_data VALUES(412316860417,X'0000025f0530323032330506010237040134050601023801016105080102190702016e050601020402017505080102210a0203766563050601020b01066368696d696505060103020101640506010212020165051803070801010305010207091f03086c65676174696f6e0508010217100304707569730506010202010a65636f6e6f6d69717565050601023302016e050a010210200a0309657267657469717565050601030b030374726505020503077669736167656505060102350202737405080102270f020174050e0b010223010307030561626c69720506010213020b78706c6f7261746f697265050601021d010566667163640506010222010567726163650506010220010a696e6e6f766174696f6e050601022d01086a756d656c61676505080401021501016c050601022c020161050c06080102050901086d656469616e6573050c01023001030d03026e65050601021a0204696e657305140a010108010209010306040469657273050601030503057373696f6e050801021c18010770616c6f697365050601022603017505100f01010401020f120205726f6a657405020201077265736964757305060103040103736f6c050601030903046d6d6574050601022a030275730506010308010874686574666f7264050e0901010701020809046f6973650506010218020972616e736974696f6e050601030a04067661696c6c65050601020a0102756e050801020313030165050c010216070b0f010576656e75650506010228030372746505060103030204696c6c65051407080101020501020609060173050c01022f01030c020275650506010211040b080908090a0d0811100b110a10080e0a0c0c120c0c1110080b1209120b0d0e0d0a0e0a0b09130b100d0a0b0c0a120b');
CREATE TABLE IF NOT EXISTS 'agreements_fts_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;
INSERT INTO agreements_fts_idx VALUES(1,X'',2);
INSERT INTO agreements_fts_idx VALUES(2,X'',2);
INSERT INTO agreements_fts_idx VALUES(3,X'',2);
CREATE TABLE IF NOT EXISTS 'agreements_fts_docsize'(id INTEGER PRIMARY KEY, sz BLOB);
INSERT INTO agreements_fts_docsize VALUES(1,X'0f062f0b');
INSERT INTO agreements_fts_docsize VALUES(2,X'0c05300e');
INSERT INTO agreements_fts_docsize VALUES(3,X'0b05300c');
INSERT INTO agreements_fts_docsize VALUES(4,X'0f074114');
INSERT INTO agreements_fts_docsize VALUES(5,X'0e07370c');
CREATE TABLE IF NOT EXISTS 'agreements_fts_config'(k PRIMARY KEY, v) WITHOUT ROWID;
INSERT INTO agreements_fts_config VALUES('version',4);
CREATE TABLE IF NOT EXISTS "domain_counts" (
   "domain" TEXT PRIMARY KEY,
   "agreements" INTEGER
);
INSERT INTO domain_counts VALUES('economy',5);
INSERT INTO domain_counts VALUES('tourism',2);
INSERT INTO domain_counts VALUES('social',1);
INSERT INTO domain_counts VALUES('culture',4);
INSERT INTO domain_counts VALUES('francophonie',1);
INSERT INTO domain_counts VALUES('higher-education-research',1);
INSERT INTO domain_counts VALUES('heritage',1);
INSERT INTO domain_counts VALUES('agriculture-food',1);
INSERT INTO domain_counts VALUES('mobility',1);
INSERT INTO domain_counts VALUES('energy-transition',2);
INSERT INTO domain_counts VALUES('mining',1);
CREATE INDEX "idx_agreements_kind"
    ON "agreements" ("kind");
CREATE INDEX "idx_agreements_status"
    ON "agreements" ("status");
CREATE INDEX "idx_agreements_year"
    ON "agreements" ("year");
CREATE INDEX "idx_agreements_date"
    ON "agreements" ("date");
CREATE INDEX "idx_agreements_slug_key"
    ON "agreements" ("slug_key");
CREATE INDEX "idx_agreements_pair_key"
    ON "agreements" ("pair_key");
CREATE INDEX "idx_territories_name_key_country"
    ON "territories" ("name_key", "country");
CREATE INDEX "idx_territories_short_key"
    ON "territories" ("short_key");
CREATE INDEX "idx_territories_name_folded"
    ON "territories" ("name_folded");
CREATE INDEX "idx_territories_city_key_country"
    ON "territories" ("city_key", "country");
CREATE INDEX "idx_territories_country"
    ON "territories" ("country");
CREATE INDEX "idx_territories_subdivision"
    ON "territories" ("subdivision");
CREATE INDEX "idx_territories_wikidata"
    ON "territories" ("wikidata");
CREATE INDEX "idx_territories_agreements_name"
    ON "territories" ("agreements", "name");
CREATE INDEX "idx_agreement_parties_territory_id"
    ON "agreement_parties" ("territory_id");
CREATE INDEX "idx_agreement_domains_domain"
    ON "agreement_domains" ("domain");
CREATE INDEX "idx_agreement_topics_agreement"
    ON "agreement_topics" ("agreement");
CREATE INDEX "idx_people_agreement"
    ON "people" ("agreement");
CREATE INDEX "idx_stakeholders_agreement"
    ON "stakeholders" ("agreement");
CREATE INDEX "idx_funding_agreement"
    ON "funding" ("agreement");
CREATE INDEX "idx_events_agreement"
    ON "events" ("agreement");
CREATE INDEX "idx_events_date"
    ON "events" ("date");
CREATE INDEX "idx_sources_agreement"
    ON "sources" ("agreement");
CREATE TRIGGER "agreements_ad" AFTER DELETE ON "agreements" BEGIN
  INSERT INTO "agreements_fts" ("agreements_fts", rowid, "title", "parties", "summary", "topics") VALUES('delete', old.rowid, old."title", old."parties", old."summary", old."topics");
END;
CREATE TRIGGER "agreements_au" AFTER UPDATE ON "agreements" BEGIN
  INSERT INTO "agreements_fts" ("agreements_fts", rowid, "title", "parties", "summary", "topics") VALUES('delete', old.rowid, old."title", old."parties", old."summary", old."topics");
  INSERT INTO "agreements_fts" (rowid, "title", "parties", "summary", "topics") VALUES (new.rowid, new."title", new."parties", new."summary", new."topics");
END;
CREATE TRIGGER agreement_domains_count_ai AFTER INSERT ON agreement_domains BEGIN
        INSERT INTO domain_counts (domain, agreements) VALUES (new.domain, 1)
        ON CONFLICT (domain) DO UPDATE SET agreements = agreements + 1; END;
CREATE TRIGGER agreement_domains_count_ad AFTER DELETE ON agreement_domains BEGIN
        UPDATE domain_counts SET agreements = agreements - 1 WHERE domain = old.domain; END;
CREATE VIEW agreements_flat AS
        SELECT slug, title, kind, status, signed_on, signed_on_inferred, valid_from,
               valid_until, date, year, parties, countries, domains, topics, summary, note
        FROM agreements;
CREATE VIEW agreement_list AS
        SELECT a.rowid AS id, a.slug, a.title AS "intitulé", a.parties, k.label AS nature, s.label AS statut,
               a.date, a.year AS "année", a.domain_list AS domaines, a.country_list AS pays
        FROM agreements a JOIN kinds k ON k.slug = a.kind JOIN statuses s ON s.slug = a.status;
CREATE VIEW territory_map AS
        SELECT id, name, kind, country, subdivision, agreements, lat AS latitude, lng AS longitude,
               json_object('title', name, 'description', agreements || ' accord(s) · ' || country,
                           'link', 'territories/' || id) AS popup
        FROM territories WHERE lat IS NOT NULL AND lng IS NOT NULL;
CREATE TRIGGER agreement_parties_count_ai AFTER INSERT ON agreement_parties BEGIN
        UPDATE territories SET agreements = agreements + 1 WHERE id = new.territory_id; END;
CREATE TRIGGER agreement_parties_count_ad AFTER DELETE ON agreement_parties BEGIN
        UPDATE territories SET agreements = agreements - 1 WHERE id = old.territory_id; END;
PRAGMA writable_schema=OFF;
COMMIT;
