-- Facilities reserved for target groups (families, single women, resettled persons…): names
-- separated by '|', empty for a facility open to all.
ALTER TABLE facilities ADD COLUMN target_groups VARCHAR(200) DEFAULT '' NOT NULL;
