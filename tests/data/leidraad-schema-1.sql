PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE schema_info (
	id INTEGER NOT NULL, 
	version INTEGER NOT NULL, 
	PRIMARY KEY (id)
);
INSERT INTO schema_info VALUES(1,1);
CREATE TABLE cases (
	id INTEGER NOT NULL, 
	alias VARCHAR NOT NULL, 
	phase VARCHAR NOT NULL, 
	regie VARCHAR NOT NULL, 
	created_at DATETIME NOT NULL, 
	PRIMARY KEY (id)
);
INSERT INTO cases VALUES(1,'Gezin J.','directe_veiligheid','Veilig Thuis, A. de Vries','2026-11-25 12:11:14.959690');
CREATE TABLE family_members (
	id INTEGER NOT NULL, 
	case_id INTEGER NOT NULL, 
	position INTEGER NOT NULL, 
	name VARCHAR NOT NULL, 
	role VARCHAR NOT NULL, 
	age INTEGER, 
	PRIMARY KEY (id), 
	FOREIGN KEY(case_id) REFERENCES cases (id)
);
INSERT INTO family_members VALUES(1,1,0,'moeder','ouder',NULL);
INSERT INTO family_members VALUES(2,1,1,'vader','partner',NULL);
INSERT INTO family_members VALUES(3,1,2,'Sam','kind',8);
CREATE TABLE partners (
	id INTEGER NOT NULL, 
	case_id INTEGER NOT NULL, 
	position INTEGER NOT NULL, 
	organisation VARCHAR NOT NULL, 
	contact VARCHAR NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(case_id) REFERENCES cases (id)
);
INSERT INTO partners VALUES(1,1,0,'Veilig Thuis','A. de Vries');
INSERT INTO partners VALUES(2,1,1,'Politie','B. Bakker');
CREATE TABLE meetings (
	id INTEGER NOT NULL, 
	case_id INTEGER NOT NULL, 
	number INTEGER NOT NULL, 
	held_on DATE NOT NULL, 
	phase VARCHAR NOT NULL, 
	questionset VARCHAR NOT NULL, 
	status VARCHAR NOT NULL, 
	next_meeting DATE, 
	closed_at DATETIME, 
	PRIMARY KEY (id), 
	UNIQUE (case_id, number), 
	FOREIGN KEY(case_id) REFERENCES cases (id)
);
INSERT INTO meetings VALUES(1,1,1,'2026-11-01','directe_veiligheid','Directe veiligheid','afgesloten',NULL,'2026-11-25 12:11:15.008209');
CREATE TABLE participants (
	id INTEGER NOT NULL, 
	meeting_id INTEGER NOT NULL, 
	position INTEGER NOT NULL, 
	name VARCHAR NOT NULL, 
	role VARCHAR NOT NULL, 
	attendance VARCHAR NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(meeting_id) REFERENCES meetings (id)
);
INSERT INTO participants VALUES(1,1,0,'moeder','ouder','aanwezig');
INSERT INTO participants VALUES(2,1,1,'vader','partner of ex-partner','aanwezig');
INSERT INTO participants VALUES(3,1,2,'A. de Vries','Veilig Thuis','aanwezig');
INSERT INTO participants VALUES(4,1,3,'B. Bakker','Politie','aanwezig');
CREATE TABLE answers (
	id INTEGER NOT NULL, 
	meeting_id INTEGER NOT NULL, 
	question_id VARCHAR NOT NULL, 
	question_text VARCHAR NOT NULL, 
	part VARCHAR NOT NULL, 
	text VARCHAR NOT NULL, 
	client_words BOOLEAN NOT NULL, 
	updated_at DATETIME NOT NULL, 
	PRIMARY KEY (id), 
	UNIQUE (meeting_id, question_id), 
	FOREIGN KEY(meeting_id) REFERENCES meetings (id)
);
INSERT INTO answers VALUES(1,1,'dv-1','Welke zorgen?','beeldvorming','Moeder is bang',1,'2026-11-25 12:11:15.001657');
CREATE TABLE safety_scores (
	id INTEGER NOT NULL, 
	meeting_id INTEGER NOT NULL, 
	position INTEGER NOT NULL, 
	perspective VARCHAR NOT NULL, 
	voiced_by VARCHAR NOT NULL, 
	score INTEGER, 
	higher VARCHAR NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(meeting_id) REFERENCES meetings (id)
);
INSERT INTO safety_scores VALUES(1,1,0,'moeder (ouder)','',NULL,'');
INSERT INTO safety_scores VALUES(2,1,1,'vader (partner of ex-partner)','',NULL,'');
INSERT INTO safety_scores VALUES(3,1,2,'Veilig Thuis','A. de Vries',NULL,'');
INSERT INTO safety_scores VALUES(4,1,3,'Politie','B. Bakker',NULL,'');
INSERT INTO safety_scores VALUES(5,1,4,'Perspectief van Sam (kind, 8 jaar)','casusregisseur',NULL,'');
CREATE TABLE actions (
	id INTEGER NOT NULL, 
	case_id INTEGER NOT NULL, 
	meeting_id INTEGER NOT NULL, 
	description VARCHAR NOT NULL, 
	owner VARCHAR NOT NULL, 
	due DATE, 
	priority VARCHAR NOT NULL, 
	phase VARCHAR NOT NULL, 
	status VARCHAR NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(case_id) REFERENCES cases (id), 
	FOREIGN KEY(meeting_id) REFERENCES meetings (id)
);
INSERT INTO actions VALUES(1,1,1,'Veiligheidsplan maken','Veilig Thuis','2026-12-01','nu','directe_veiligheid','open');
CREATE INDEX ix_cases_alias ON cases (alias);
CREATE INDEX ix_family_members_case_id ON family_members (case_id);
CREATE INDEX ix_partners_case_id ON partners (case_id);
CREATE INDEX ix_meetings_case_id ON meetings (case_id);
CREATE INDEX ix_participants_meeting_id ON participants (meeting_id);
CREATE INDEX ix_answers_meeting_id ON answers (meeting_id);
CREATE INDEX ix_safety_scores_meeting_id ON safety_scores (meeting_id);
CREATE INDEX ix_actions_case_id ON actions (case_id);
CREATE INDEX ix_actions_meeting_id ON actions (meeting_id);
COMMIT;
